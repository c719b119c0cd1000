using Sked.Workflows.Web;
using Sked.Workflows.Web.Features.Audit;

// `audit verify` and `audit checkpoints` check and export the audit chain without serving (docs/audit.md).
if (AuditCommand.IsRequested(args))
{
    return await AuditCommand.RunAsync(args);
}

// The composition lives in SkedWebApp so the tests start the very same app on a free port.
var app = SkedWebApp.Create(args);
await app.InitializeSkedAsync();
await app.RunAsync();
return 0;
