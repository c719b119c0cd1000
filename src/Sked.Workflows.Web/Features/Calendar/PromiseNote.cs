using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Features.Calendar;

/// <summary>Why a case's promised answer date moved (a closure, a calendar change, a pause for the citizen), as the citizen reads it.</summary>
[FeatureContract]
public static class PromiseNote
{
    /// <summary>The sentence, or null when the date never moved.</summary>
    public static string? For(CaseFile found) => For(found.PromiseMovedBy, found.PromiseMovedDetail);

    /// <summary>The sentence for what moved the date (<see cref="CaseFile.PromiseMovedBy"/>) and its detail.</summary>
    public static string? For(string? movedBy, string? detail) => movedBy is { } by && Catalogue.Has("promise.moved." + by)
        ? Catalogue.Render("promise.moved." + by, detail ?? string.Empty)
        : null;
}
