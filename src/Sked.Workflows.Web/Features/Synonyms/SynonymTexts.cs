namespace Sked.Workflows.Web.Features.Synonyms;

/// <summary>Codes of the synonym page's and API's sentences (the catalogue's <c>synonyms.*</c>).</summary>
public static class SynonymTexts
{
    public const string Title = "synonyms.title";
    public const string Intro = "synonyms.intro";
    public const string Parts = "synonyms.parts";
    public const string Words = "synonyms.words";
    public const string Example = "synonyms.example";
    public const string NewGroup = "synonyms.new-group";
    public const string EditGroup = "synonyms.edit-group";
    public const string Save = "synonyms.save";
    public const string Cancel = "synonyms.cancel";
    public const string Edit = "synonyms.edit";
    public const string Remove = "synonyms.remove";
    public const string Term = "synonyms.term";
    public const string Others = "synonyms.others";
    public const string Updated = "synonyms.updated";
    public const string Filter = "synonyms.filter";
    public const string None = "synonyms.none";
    public const string Saved = "synonyms.saved";
    public const string Removed = "synonyms.removed";

    /// <summary>{0} groups.</summary>
    public const string Count = "synonyms.count";

    // Refusals.
    public const string Invalid = "synonyms.invalid";
    public const string WordsRequired = "synonyms.words-required";

    /// <summary>{0} the longest word, {1} the most words.</summary>
    public const string TooLong = "synonyms.too-long";

    /// <summary>{0} the word, {1} the term of the group that has it.</summary>
    public const string InOtherGroup = "synonyms.in-other-group";

    /// <summary>{0} the word.</summary>
    public const string Dropped = "synonyms.dropped";
    public const string NotFound = "synonyms.not-found";
    public const string NotCurator = "synonyms.not-curator";
}
