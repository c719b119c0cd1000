using Sked.Workflows.Web;

// The composition lives in SkedWebApp so the tests start the very same app on a free port.
var app = SkedWebApp.Create(args);
await app.InitializeSkedAsync();
await app.RunAsync();
