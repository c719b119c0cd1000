using System.Globalization;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Tests.Notifications;

// A local stand-in SMS operator to try the app by hand (docs/sms.md):
//   dotnet run --project tests/Sked.Workflows.SmsStandIn -- kavenegar 5099
// prints the Sms__* settings for the app, then every SMS it accepts. Ten seconds after accepting one
// it reports it delivered, or undelivered when the number ends in 0, so both show on the case page.
var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "kavenegar";
var port = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5099;
await using SmsOperatorStandIn standIn = provider == "magfa" ? new MagfaStandIn() : new KavenegarStandIn();
await standIn.StartAsync($"http://127.0.0.1:{port}");
Console.WriteLine($"{standIn.Provider} stand-in on {standIn.BaseUrl}. Start the app with:");
foreach (var (key, value) in standIn.Settings())
{
    Console.WriteLine($"  export {key.Replace(":", "__", StringComparison.Ordinal)}='{value}'");
}

Console.WriteLine("  export Sms__StatusPollSeconds=5");
var shown = 0;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), TimeProvider.System);
try
{
    while (await timer.WaitForNextTickAsync(stop.Token))
    {
        foreach (var sms in standIn.Accepted.Skip(shown).ToList())
        {
            shown++;
            Console.WriteLine($"accepted #{sms.OperatorId} (client id {sms.ClientId}) to {sms.To}: {sms.Text}");
            var state = sms.To.EndsWith('0') ? SmsState.Undelivered : SmsState.Delivered;
            _ = Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System, stop.Token).ContinueWith(_ => standIn.Report(sms.ClientId, state), TaskScheduler.Default);
        }
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C.
}
