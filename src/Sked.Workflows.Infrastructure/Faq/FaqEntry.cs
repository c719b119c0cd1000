namespace Sked.Workflows.Infrastructure.Faq;

/// <summary>
/// A question of the FAQ: written by staff, or kept from an answered public question (then internal
/// until a person edits and publishes it). Citizens see only published entries, never the alternatives.
/// </summary>
public sealed class FaqEntry
{
    public const int QuestionMax = 500;
    public const int AnswerMax = 4000;
    public const int CategoryMax = 100;
    public const int AlternativesMax = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string QuestionKey { get; init; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    public string? Category { get; set; }

    /// <summary>Other wordings of the same question (staff's, and citizens' confirmed by the e-desk): matched, never published.</summary>
    public List<string> Alternatives { get; set; } = [];
    public int Repeats { get; set; }

    /// <summary>Staff wrote or edited the wording; only then may it be published (a citizen's own words never go out as they are).</summary>
    public bool WordedByStaff { get; set; }

    /// <summary>How often a citizen said a suggested answer answered the question.</summary>
    public int Helpful { get; set; }

    /// <summary>The repeats at which the question is proposed for the FAQ (the promoteToFaq node's threshold); none for staff's entries.</summary>
    public int? ProposeAfter { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ProposedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Asked often enough to be proposed; a person edits and publishes it (or not).</summary>
    public bool IsProposed => PublishedAt is null && ProposedAt is not null;

    /// <summary>Proposes the entry once its repeats reach the threshold; true when it just was.</summary>
    public bool ProposeIfDue(DateTimeOffset now)
    {
        if (PublishedAt is not null || ProposedAt is not null || ProposeAfter is not { } threshold || Repeats < threshold)
        {
            return false;
        }

        ProposedAt = now;
        return true;
    }

    /// <summary>Keeps a wording for matching unless the entry already has it (compared on the normalised key).</summary>
    public bool AddAlternative(string wording)
    {
        var key = Domain.Text.PersianText.MatchKey(wording);
        if (key.Length == 0 || Alternatives.Count >= AlternativesMax || Domain.Text.PersianText.MatchKey(Question) == key
            || Alternatives.Exists(a => Domain.Text.PersianText.MatchKey(a) == key))
        {
            return false;
        }

        Alternatives.Add(Domain.Text.PersianText.Normalize(wording));
        return true;
    }
}
