namespace Sked.Workflows.Web.Features.Cases.Duplicates;

/// <summary>Message codes of merging duplicate cases; the sentences are in the catalogue.</summary>
public static class DuplicateTexts
{
    public const string SameCase = "duplicate.same-case";
    public const string AlreadyMerged = "duplicate.already-merged";
    public const string IntoMerged = "duplicate.into-merged";
    public const string NotSameCitizen = "duplicate.not-same-citizen";
    public const string IntoClosed = "duplicate.into-closed";
    public const string Merged = "duplicate.merged";

    public static readonly IReadOnlyList<string> All = [SameCase, AlreadyMerged, IntoMerged, NotSameCitizen, IntoClosed, Merged];
}
