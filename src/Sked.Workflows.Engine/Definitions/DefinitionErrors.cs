namespace Sked.Workflows.Engine.Definitions;

/// <summary>
/// The codes of every reason a definition cannot run. The Persian sentence of each sits in the
/// catalogue under the same key; the arguments named here fill its {0}, {1}...
/// </summary>
public static class DefinitionErrors
{
    /// <summary>The definition has no id.</summary>
    public const string NoId = "definition.no-id";

    /// <summary>{0} node type: a node without an id.</summary>
    public const string NodeWithoutId = "definition.node-without-id";

    public const string DuplicateNodeId = "definition.duplicate-node-id";

    /// <summary>{0} the type written, {1} the allowed types.</summary>
    public const string UnknownNodeType = "definition.unknown-node-type";

    /// <summary>{0} property, {1} node type.</summary>
    public const string MissingProperty = "definition.missing-property";

    /// <summary>{0} node type, {1} the reader's reason (English, for logs).</summary>
    public const string PropertiesMisfit = "definition.properties-misfit";

    /// <summary>How an error names one item of a list: {0} the list, {1} the item's number.</summary>
    public const string Item = "definition.item";

    /// <summary>How an error names a field of a list item: {0} the item, {1} the field.</summary>
    public const string ItemField = "definition.item-field";

    /// <summary>{0} property (path), {1} value: not one of the kind's allowed values.</summary>
    public const string UnknownValue = "definition.unknown-value";

    /// <summary>{0} property (path), {1} value.</summary>
    public const string InvalidDuration = "definition.invalid-duration";

    /// <summary>{0} property, {1} value: a share or an overrun (75%, +2WD) where only a time allowed fits.</summary>
    public const string InvalidDeadline = "definition.invalid-deadline";

    /// <summary>An escalation step counted from the deadline (75%, +2WD) on a task without an SLA.</summary>
    public const string EscalationNeedsSla = "definition.escalation-needs-sla";

    /// <summary>{0} property, {1} department code.</summary>
    public const string UnknownDepartment = "definition.unknown-department";

    /// <summary>{0} the missing node.</summary>
    public const string ConnectionFromMissingNode = "definition.connection-from-missing-node";

    /// <summary>{0} outcome, {1} the missing node.</summary>
    public const string ConnectionToMissingNode = "definition.connection-to-missing-node";

    /// <summary>{0} outcome, {1} the node's outcomes.</summary>
    public const string UnknownOutcome = "definition.unknown-outcome";

    /// <summary>{0} outcome.</summary>
    public const string OutcomeConnectedTwice = "definition.outcome-connected-twice";

    /// <summary>{0} outcome.</summary>
    public const string OutcomeNotConnected = "definition.outcome-not-connected";

    /// <summary>{0} how many start nodes there are.</summary>
    public const string StartCount = "definition.start-count";

    public const string StartNotToIntake = "definition.start-not-to-intake";

    public const string NoEnd = "definition.no-end";

    public const string Unreachable = "definition.unreachable";

    public const string NoPathToEnd = "definition.no-path-to-end";

    /// <summary>{0} the reader's reason (English, for logs).</summary>
    public const string Unreadable = "definition.unreadable";

    public const string EmptyFile = "definition.empty-file";

    /// <summary>{0} the id, {1} the file name.</summary>
    public const string IdNotFileName = "definition.id-not-file-name";

    /// <summary>{0} the id written, {1} the case type the workflow runs.</summary>
    public const string IdMismatch = "definition.id-mismatch";

    /// <summary>{0} version, {1} definition id.</summary>
    public const string NoSuchVersion = "definition.no-such-version";

    /// <summary>{0} the version published meanwhile.</summary>
    public const string Superseded = "definition.superseded";

    public const string DecisionWithoutRules = "definition.decision-without-rules";

    /// <summary>{0} rule number, {1} operator.</summary>
    public const string OperatorNeedsValue = "definition.operator-needs-value";

    /// <summary>{0} rule number.</summary>
    public const string OperatorNeedsValues = "definition.operator-needs-values";

    /// <summary>{0} role.</summary>
    public const string RoleNeedsDepartment = "definition.role-needs-department";

    public const string ReassignNeedsDepartment = "definition.reassign-needs-department";

    public const string TaskWithoutOutcomes = "definition.task-without-outcomes";

    /// <summary>{0} outcome.</summary>
    public const string OutcomeListedTwice = "definition.outcome-listed-twice";

    /// <summary>{0} field.</summary>
    public const string FormFieldListedTwice = "definition.form-field-listed-twice";

    /// <summary>{0} field.</summary>
    public const string SelectWithoutOptions = "definition.select-without-options";

    /// <summary>{0} field, {1} outcome.</summary>
    public const string RequiredForUnknownOutcome = "definition.required-for-unknown-outcome";

    /// <summary>{0} field name.</summary>
    public const string UnknownSubmissionField = "definition.unknown-submission-field";

    /// <summary>{0} placeholder.</summary>
    public const string UnknownPlaceholder = "definition.unknown-placeholder";

    public const string ThresholdTooSmall = "definition.threshold-too-small";

    /// <summary>{password} in an e-mail: mail is kept on the case's thread, so a password may go by SMS only.</summary>
    public const string PasswordByEmail = "definition.password-by-email";

    // Publishing over HTTP (POST /api/v1/workflows/{id}/versions).

    /// <summary>The title of a refused publish.</summary>
    public const string PublishRefused = "definition.publish-refused";

    public const string ReviewedAgainstRequired = "definition.reviewed-against-required";

    /// <summary>{0} the workflow id.</summary>
    public const string UnknownWorkflow = "definition.unknown-workflow";

    /// <summary>{0} the workflow id: export of a draft that does not exist.</summary>
    public const string NoDraft = "definition.no-draft";

    /// <summary>{0} the version, {1} the workflow id.</summary>
    public const string VersionNotFound = "definition.version-not-found";

    /// <summary>Every code, for the test that each has a Persian sentence.</summary>
    public static IEnumerable<string> All =>
        typeof(DefinitionErrors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
