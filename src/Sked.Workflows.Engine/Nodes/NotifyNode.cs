using System.Text.RegularExpressions;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
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
    public static readonly IReadOnlyList<string> Placeholders = ["trackingCode", "subject", "department", "status", "expectedAnswerAt", "type", "answer", "question", "password"];

    /// <summary>The task form field that holds what staff ask the citizen (the "ask" outcome), for {question}.</summary>
    public const string QuestionVariable = "question";

    public override string Name => "notify";


    protected override Props Starter => new() { Channel = "sms", To = "citizen", Template = Catalogue.Text("starter.notify.template") };

    protected override void Validate(Props properties, NodeCheck check)
    {
        if (properties.Channel == "email" && $"{properties.Template}{properties.Subject}".Contains("{password}", StringComparison.Ordinal))
        {
            check.Error(DefinitionErrors.PasswordByEmail);
        }

        foreach (Match match in Placeholder().Matches((properties.Template ?? string.Empty) + properties.Subject))
        {
            if (!Placeholders.Contains(match.Groups["name"].Value))
            {
                check.Error(DefinitionErrors.UnknownPlaceholder, "{" + match.Groups["name"].Value + "}");
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

        var subject = properties.Channel == "email" && !string.IsNullOrWhiteSpace(properties.Subject) ? Render(context, properties.Subject) : null;
        var secret = properties.Template!.Contains("{password}", StringComparison.Ordinal) ? context.IssuedPassword : null;
        context.Emit(new NotifyEffect(properties.Channel, address, Render(context, properties.Template!), subject, secret));
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
            "expectedAnswerAt" => context.Case.ExpectedAnswerAt is { } at ? JalaliDate.Format(at, withTime: false) : "-",
            "type" => CaseTypes.PersianNames.GetValueOrDefault(context.Case.Type, context.Case.Type),
            "answer" => context.Case.Answer ?? string.Empty,
            "question" => context.Instance.Variables.GetValueOrDefault(QuestionVariable, string.Empty),
            // Only in the signal that issued it (the letter's registration); it is never stored in clear.
            "password" => context.IssuedPassword ?? "-",
            _ => match.Value,
        });

    /// <summary>
    /// The length a template's message will have, with each placeholder at a usual length (a tracking code is
    /// 14 digits, a subject taken at 40 characters): what the designer counts SMS parts by.
    /// </summary>
    public static int EstimatedLength(string? template) =>
        Placeholder().Replace(template ?? string.Empty, match => new string('x', match.Groups["name"].Value switch
        {
            "trackingCode" => 14,
            "password" => 8,
            "expectedAnswerAt" => 10,
            "status" or "type" => 20,
            "department" => 25,
            "subject" => 40,
            "answer" or "question" => 160,
            _ => match.Length,
        })).Length;

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    public sealed class Props
    {
        [NodeProperty("channel", "sms or email.", Required = true)]
        public string Channel { get; init; } = "sms";

        [NodeProperty("recipient", "Who receives it; citizen (the default).")]
        public string To { get; init; } = "citizen";

        [NodeProperty(PropertyKinds.Text, "Persian text; placeholders: {trackingCode}, {subject}, {department}, {status}, {expectedAnswerAt}, {type}, {answer}, {question}, {password} (SMS only: a letter's password, in the registration's own message).", Required = true)]
        public string? Template { get; init; }

        [NodeProperty(PropertyKinds.Line, "E-mail only: the subject, with the same placeholders; the case's tag [SKED-code] is added to it.")]
        public string? Subject { get; init; }
    }
}
