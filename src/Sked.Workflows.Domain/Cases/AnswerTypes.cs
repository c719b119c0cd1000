namespace Sked.Workflows.Domain.Cases;

/// <summary>How a question to the CEO is answered: privately to the asker, or publicly (and maybe in the FAQ).</summary>
public static class AnswerTypes
{
    public const string Private = "private";
    public const string Public = "public";

    public static bool IsKnown(string? value) => value is Private or Public;
}
