using System.Text.RegularExpressions;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Queues an SMS or e-mail in the outbox, written in the same transaction and sent after commit.
/// Templates fill only named placeholders, never code.
/// </summary>
public sealed partial class NotifyNode : NodeType<NotifyNode.Props>
{
    public static readonly IReadOnlyList<string> Channels = ["sms", "email"];
    public static readonly IReadOnlyList<string> Recipients = ["citizen"];
    public static readonly IReadOnlyList<string> Placeholders = ["trackingCode", "subject", "department", "status", "expectedAnswerAt", "type", "answer"];

    public override string Name => "notify";

    public override IReadOnlyList<PropertySpec> Properties =>
    [
        new("channel", "channel", true, "sms or email."),
        new("to", "recipient", false, "Who receives it; citizen (the default)."),
        new("template", "text", true, "Persian text; placeholders: " + string.Join(", ", Placeholders.Select(p => "{" + p + "}")) + "."),
    ];

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (!Channels.Contains(properties.Channel))
        {
            check.Error($"unknown channel '{properties.Channel}'; use sms or email.");
        }

        if (!Recipients.Contains(properties.To))
        {
            check.Error($"unknown recipient '{properties.To}'.");
        }

        foreach (Match match in Placeholder().Matches(properties.Template ?? string.Empty))
        {
            if (!Placeholders.Contains(match.Groups["name"].Value))
            {
                check.Error($"unknown placeholder '{{{match.Groups["name"].Value}}}' in template.");
            }
        }
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var address = properties.Channel == "sms" ? context.Case.Citizen.Mobile : context.Case.Citizen.Email;
        if (string.IsNullOrEmpty(address))
        {
            context.Audit(new NotificationSkipped(properties.Channel, NotificationSkipped.NoAddress));
            return NodeStep.Continue(Next);
        }

        context.Emit(new NotifyEffect(properties.Channel, address, Render(context, properties.Template!)));
        context.Audit(new NotificationQueued(properties.Channel, properties.To));
        return NodeStep.Continue(Next);
    }

    private static string Render(NodeContext context, string template) =>
        Placeholder().Replace(template, match => match.Groups["name"].Value switch
        {
            "trackingCode" => context.Case.TrackingCode,
            "subject" => context.Case.Subject,
            "department" => context.DepartmentName(context.Case.Department),
            "status" => CaseStatuses.PersianLabels.GetValueOrDefault(context.Case.Status, context.Case.Status),
            "expectedAnswerAt" => context.Case.ExpectedAnswerAt is { } at ? JalaliDate.Format(at) : "-",
            "type" => CaseTypes.PersianNames.GetValueOrDefault(context.Case.Type, context.Case.Type),
            "answer" => context.Case.Answer ?? string.Empty,
            _ => match.Value,
        });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    public sealed class Props
    {
        public string Channel { get; init; } = "sms";
        public string To { get; init; } = "citizen";
        public string? Template { get; init; }
    }
}
