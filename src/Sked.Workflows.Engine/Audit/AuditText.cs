using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit;

/// <summary>The pieces several timeline sentences share: labels, an optional deadline, a dash for nothing.</summary>
public static class AuditText
{
    public const string Nothing = "—";

    public static object Label(string family, string? value) =>
        string.IsNullOrEmpty(value) ? Nothing : Catalogue.Label(family, value);

    /// <summary>", due …" when there is a deadline, nothing otherwise.</summary>
    public static object Due(DateTimeOffset? dueAt) =>
        dueAt is { } at ? Message.Of("audit.part.due", JalaliDate.Format(at)) : string.Empty;

    /// <summary>Timer kinds are written as the enum's name (Escalation) by some events and in lower case by others.</summary>
    public static object TimerKind(string? kind) => Label("timerKind", kind?.ToLowerInvariant());

    /// <summary>Fields as "name: value" pairs, for form data an auditor reads as entered.</summary>
    public static string Fields(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join(Catalogue.Text("audit.part.separator"), fields.Select(f => Catalogue.Render("audit.part.field", f.Key, f.Value)));
}
