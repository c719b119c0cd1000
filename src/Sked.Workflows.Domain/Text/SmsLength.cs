namespace Sked.Workflows.Domain.Text;

/// <summary>
/// How many SMS parts a Persian text takes: Persian letters need UCS-2, where one part holds 70
/// characters and a longer message is split into parts of 67 (the rest carries the joining header).
/// Operators bill per part.
/// </summary>
public static class SmsLength
{
    public const int SinglePart = 70;
    public const int PerPart = 67;

    /// <summary>Parts for <paramref name="characters"/> UTF-16 code units (what UCS-2 counts); 0 for an empty text.</summary>
    public static int Parts(int characters) => characters switch
    {
        <= 0 => 0,
        <= SinglePart => 1,
        _ => (characters + PerPart - 1) / PerPart,
    };

    public static int Parts(string? text) => Parts(text?.Length ?? 0);
}
