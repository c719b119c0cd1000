using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Web.Features.Cases;
using Sked.Workflows.Web.Staff;

namespace Sked.Workflows.Web.Features.Portal;

/// <summary>Turns a posted portal form into a case, or into field errors to show beside the fields.</summary>
public sealed class PortalSubmitter(SubmitCase.Handler submit)
{
    public async Task<(string? TrackingCode, IReadOnlyDictionary<string, string[]> Errors)> SubmitAsync(
        SubmissionForm form, string type, HttpContext http, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            return (null, Error("form", Catalogue.Render(PortalErrors.SubmitFailed)));
        }

        List<CaseAttachment> photos = [];
        if (http.Request.HasFormContentType && http.Request.Form.Files.Count > 0)
        {
            var (read, error) = await PhotoUploads.ReadAsync(http.Request.Form.Files, cancellationToken);
            if (error is not null)
            {
                return (null, Error("photos", error));
            }

            photos = read;
        }

        var started = await submit.HandleAsync(form.ToSubmission(type), http.Actor(), photos, cancellationToken);
        return started.Result.Kind == WorkflowResultKind.Ok
            ? (started.TrackingCode, new Dictionary<string, string[]>(StringComparer.Ordinal))
            : (null, (started.Result.Errors is { } errors ? FieldErrors.Render(errors) : Error("form", Catalogue.Render(started.Result.Message ?? Message.Of(WorkflowMessages.CaseSubmitFailed)))));
    }

    private static Dictionary<string, string[]> Error(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };
}
