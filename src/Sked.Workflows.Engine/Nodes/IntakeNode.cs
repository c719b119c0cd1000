using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Definitions;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Nodes;

/// <summary>
/// Accepts the submission: checks the fields this workflow requires on top of the common rules,
/// issues the tracking code (and, for letters, a password) and records the receipt on the timeline.
/// </summary>
public sealed class IntakeNode : NodeType<IntakeNode.Props>
{
    public const string TypeName = "intake";

    private static readonly Dictionary<string, Func<CaseFile, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["citizen.name"] = c => c.Citizen.Name,
        ["citizen.nationalCode"] = c => c.Citizen.NationalCode,
        ["citizen.mobile"] = c => c.Citizen.Mobile,
        ["citizen.email"] = c => c.Citizen.Email,
        ["category"] = c => c.Category,
        ["answerType"] = c => c.AnswerType,
        ["location.address"] = c => c.Address,
    };

    public override string Name => TypeName;


    protected override void Validate(Props properties, NodeCheck check)
    {
        foreach (var field in properties.RequiredFields.Where(f => !Fields.ContainsKey(f)))
        {
            check.Error(DefinitionErrors.UnknownSubmissionField, field);
        }

        Deadlines.CheckPlain(properties.AnswerWithin, "answerWithin", check);
        Deadlines.CheckPlain(properties.AnswerWithinPrivate, "answerWithinPrivate", check);
    }

    protected override NodeStep Execute(NodeContext context, Props properties)
    {
        var errors = new FieldErrors();
        foreach (var field in properties.RequiredFields.Where(f => string.IsNullOrWhiteSpace(Fields[f](context.Case))))
        {
            errors.Add(field, TaskFormErrors.IntakeFieldRequired);
        }

        if (errors.Any)
        {
            return NodeStep.Reject(errors.ToMessages());
        }

        if (properties.IssuePassword)
        {
            var password = LetterPassword.New();
            context.Case.PasswordHash = LetterPassword.Hash(password);
            context.Emit(new PasswordIssued(password));
            context.IssuedPassword = password;
        }

        if (context.Case.Anonymous)
        {
            context.Case.IdentityVisibleTo = properties.IdentityVisibleTo;
        }

        context.ChangeStatus(properties.Status ?? CaseStatuses.Received);
        if (Promise(context.Case, properties) is { Length: > 0 } within && context.Case.ExpectedAnswerAt is null)
        {
            // The promise made at once in the acknowledgement; it moves only with a pause or a calendar change.
            context.Case.ExpectedAnswerAt = context.DueAt(within);
            context.Case.AnswerRule = within;
            context.Case.AnswerCalendarVersion = context.CalendarVersion;
        }

        context.Audit(new CaseReceived(context.Case.TrackingCode, context.Case.Type, properties.IssuePassword));
        return NodeStep.Continue(Next);
    }

    private static string? Promise(CaseFile @case, Props properties) =>
        @case.AnswerType == AnswerTypes.Private && !string.IsNullOrWhiteSpace(properties.AnswerWithinPrivate)
            ? properties.AnswerWithinPrivate
            : properties.AnswerWithin;

    public sealed class Props
    {
        [NodeProperty(PropertyKinds.StringList, "Submission fields this workflow needs besides subject and body: citizen.name, citizen.nationalCode, citizen.mobile, citizen.email, category, answerType, location.address.")]
        public List<string> RequiredFields { get; init; } = [];

        [NodeProperty(PropertyKinds.Boolean, "Issue a password with the tracking code (letters).")]
        public bool IssuePassword { get; init; }

        [NodeProperty("status", "Status the citizen sees once the case is received; default received.")]
        public string? Status { get; init; }

        [NodeProperty(PropertyKinds.Duration, "The answer promised within this time from receipt, told on the receipt, the tracking page, the acknowledgement and Open311: working days (e.g. 7WD) or calendar time (P5D).")]
        public string? AnswerWithin { get; init; }

        [NodeProperty(PropertyKinds.Duration, "For a question answered privately (answerType private): its own promise, e.g. 5WD; answerWithin otherwise.")]
        public string? AnswerWithinPrivate { get; init; }

        [NodeProperty("staffRole", "For an anonymous report: the one role that may see the reporter's identity; nobody else does.")]
        public string? IdentityVisibleTo { get; init; }
    }
}
