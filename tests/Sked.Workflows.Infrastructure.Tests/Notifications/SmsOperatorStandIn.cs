using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Notifications;

namespace Sked.Workflows.Infrastructure.Tests.Notifications;

/// <summary>What a stand-in operator can be told to do wrong, each as its API documents it.</summary>
public enum OperatorFault
{
    InvalidNumber,
    NoCredit,
    ServerError,
}

/// <summary>One SMS a stand-in operator accepted: its own id, our client id, the number and the text.</summary>
public sealed record AcceptedSms(long OperatorId, long ClientId, string To, string Text);

/// <summary>
/// An SMS operator that cannot exist here, as a real HTTP server on 127.0.0.1 speaking its operator's
/// documented API (<see cref="KavenegarStandIn"/>, <see cref="MagfaStandIn"/>). It records every SMS
/// it accepts and never drops a duplicate client id itself, so "sent once" is the client's doing. It
/// can refuse (<see cref="Fail"/>), accept and then answer too late (<see cref="AnswerDelay"/>), and
/// report delivery states (<see cref="Report"/>).
/// </summary>
public abstract class SmsOperatorStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<OperatorFault, int> _faults = new();
    private long _nextId = 7_000_000;
    private WebApplication? _app;

    public const string ApiKey = "stand-in-key";

    public ConcurrentQueue<AcceptedSms> Accepted { get; } = new();
    public ConcurrentDictionary<long, SmsState> States { get; } = new();
    public int Refused => _refused;
    private int _refused;

    /// <summary>Accept the SMS, then keep the answer back this long (the client times out; the operator has it).</summary>
    public TimeSpan AnswerDelay { get; set; }

    public abstract string Provider { get; }
    public Uri BaseUrl => new(_app!.Urls.First() + BasePath);

    protected virtual string BasePath => "/";

    /// <summary>The app's settings for this operator.</summary>
    public virtual Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["Sms:Provider"] = Provider,
        ["Sms:ApiKey"] = ApiKey,
        ["Sms:Sender"] = "10004346",
        ["Sms:BaseUrl"] = BaseUrl.ToString(),
    };

    /// <summary>Refuse the next <paramref name="times"/> sends with this fault.</summary>
    public void Fail(OperatorFault fault, int times = 1) => _faults[fault] = times;

    /// <summary>The delivery report the operator gives from now on for the SMS with this client id.</summary>
    public void Report(long clientId, SmsState state)
    {
        var sms = Accepted.Single(s => s.ClientId == clientId);
        States[sms.OperatorId] = state;
    }

    /// <summary>Starts on a free port of 127.0.0.1, or on <paramref name="url"/> (the stand-in run by hand).</summary>
    public async Task StartAsync(string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
    }

    protected abstract void Map(WebApplication app);

    /// <summary>The fault to answer this send with, if one is due.</summary>
    protected OperatorFault? DueFault()
    {
        foreach (var fault in Enum.GetValues<OperatorFault>())
        {
            if (_faults.TryGetValue(fault, out var left) && left > 0 && _faults.TryUpdate(fault, left - 1, left))
            {
                Interlocked.Increment(ref _refused);
                return fault;
            }
        }

        return null;
    }

    protected AcceptedSms Accept(long clientId, string to, string text)
    {
        var sms = new AcceptedSms(Interlocked.Increment(ref _nextId), clientId, to, text);
        Accepted.Enqueue(sms);
        States[sms.OperatorId] = SmsState.SentToOperator;
        return sms;
    }

    protected AcceptedSms? Find(long clientId) => Accepted.FirstOrDefault(s => s.ClientId == clientId);

    /// <summary>Holds the answer back after accepting, as an operator whose reply is lost or late.</summary>
    protected async Task LateAsync(HttpContext http)
    {
        if (AnswerDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(AnswerDelay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up waiting; the SMS is accepted all the same.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
