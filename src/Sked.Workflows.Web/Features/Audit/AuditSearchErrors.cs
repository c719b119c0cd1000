namespace Sked.Workflows.Web.Features.Audit;

/// <summary>Why an audit search or an auditor's request was refused; the sentences are in the catalogue.</summary>
public static class AuditSearchErrors
{
    public const string AuditorReadOnly = "auditSearch.auditor-read-only";

    public const string FromInvalid = "auditSearch.from-invalid";

    public const string ToInvalid = "auditSearch.to-invalid";

    public const string TrackingCodeInvalid = "auditSearch.tracking-code-invalid";
}
