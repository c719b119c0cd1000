namespace Sked.Workflows.Engine.Runtime;

/// <summary>
/// Codes of what the workflow's operations answer people (refusals, conflicts); each has its
/// Persian sentence in the catalogue (Domain/Text/Catalogue.resx).
/// </summary>
public static class WorkflowMessages
{
    public const string CaseInvalid = "case.invalid";
    public const string CaseNotFound = "case.not-found";
    public const string CaseNothingToRetry = "case.nothing-to-retry";
    public const string CaseSubmitFailed = "case.submit-failed";
    public const string CaseWrongChannel = "case.wrong-channel";
    public const string TaskAssignHeadOnly = "task.assign-head-only";
    public const string TaskChangedMeanwhile = "task.changed-meanwhile";
    public const string TaskDone = "task.done";
    public const string TaskHeldByColleague = "task.held-by-colleague";
    public const string TaskNoLongerOpen = "task.no-longer-open";
    public const string TaskNotClaimed = "task.not-claimed";
    public const string TaskNotFound = "task.not-found";
    public const string TaskNotYours = "task.not-yours";
    public const string TaskOutcomeRequired = "task.outcome-required";
    public const string TaskRoutingCategory = "task.routing-category";
    public const string TaskRoutingDefault = "task.routing-default";
    public const string TaskRoutingKeyword = "task.routing-keyword";
    public const string TaskRoutingNone = "task.routing-none";
    public const string TaskRoutingRule = "task.routing-rule";
    public const string TaskTaken = "task.taken";
    public const string TaskUnknownScope = "task.unknown-scope";
}
