namespace Sked.Workflows.Domain.Cases;

/// <summary>What a citizen (or the secretariat, or the mail channel) sends to open a case.</summary>
public sealed record CaseSubmission
{
    public string? Type { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public CitizenInput? Citizen { get; init; }
    public string? AnswerType { get; init; }
    public string? Category { get; init; }
    public LocationInput? Location { get; init; }
    public bool Anonymous { get; init; }
    public string? LetterNumber { get; init; }
    public string? LetterDate { get; init; }
}

public sealed record CitizenInput(string? Name, string? NationalCode, string? Mobile, string? Email);

public sealed record LocationInput(double? Lat, double? Lng, string? Address);
