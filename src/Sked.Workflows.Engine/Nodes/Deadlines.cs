using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Engine.Definitions;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>Checks shared by the properties that set a deadline (SLA, timer, timeout, promise).</summary>
internal static class Deadlines
{
    /// <summary>A time allowed from now (P3D, 3WD, 4WH); a share or an overrun fits only an escalation step.</summary>
    public static void CheckPlain(string? value, string property, NodeCheck check)
    {
        if (!string.IsNullOrWhiteSpace(value) && EscalationTimes.IsValid(value) && !Deadline.TryParse(value, out _))
        {
            check.Error(DefinitionErrors.InvalidDeadline, PropertyValues.Name(property), value);
        }
    }
}
