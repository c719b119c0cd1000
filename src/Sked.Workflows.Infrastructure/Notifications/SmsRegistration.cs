using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Sked.Workflows.Infrastructure.Notifications;

/// <summary>
/// The SMS operator chosen by Sms__Provider, behind one resilient HttpClient, and the delivery-report poller.
/// <para>
/// Two layers retry, each for what it is good at. The outbox retries a whole message over minutes to
/// hours (Outbox__RetryBaseDelay doubling, Outbox__MaxAttempts), survives restarts, and before a retry
/// whose first try may have reached the operator asks the operator first (<see cref="SmsDispatch"/>).
/// This HTTP pipeline works inside one delivery, in seconds: it retries a question (a GET: a lookup, a
/// status) on any transient fault, but a send only when the request never reached the operator (no
/// connection), because a send that timed out may have been accepted and only the outbox may decide,
/// after asking, to send it again. The circuit breaker stops a batch from waiting out a timeout per
/// message while the operator is down: open, calls fail at once and the outbox backs off. Each attempt
/// is bounded by Sms__TimeoutSeconds and the whole call by three of them, well inside the outbox's
/// delivery timeout (half its lease).
/// </para>
/// </summary>
public static class SmsRegistration
{
    public const string PipelineName = "sms-operator";

    public static void AddSms(IHostApplicationBuilder builder)
    {
        var settings = Read(builder.Configuration);
        builder.Services.AddOptions<SmsOptions>().Bind(builder.Configuration.GetSection(SmsOptions.Section))
            .PostConfigure(o => MapLegacy(o, builder.Configuration))
            .Validate(o => o.IsValid, "Sms settings: Provider must be Kavenegar, Magfa, Http or unset; Kavenegar and Magfa need ApiKey, Magfa a Sender, Http a BaseUrl; StatusPollSeconds and TimeoutSeconds must be positive.")
            .ValidateOnStart();
        var client = settings.Provider switch
        {
            SmsProviders.Kavenegar => builder.Services.AddHttpClient<ISmsGateway, KavenegarSmsGateway>(),
            SmsProviders.Magfa => builder.Services.AddHttpClient<ISmsGateway, MagfaSmsGateway>(),
            SmsProviders.Http => builder.Services.AddHttpClient<ISmsGateway, HttpSmsGateway>(),
            _ => null,
        };
        if (client is null)
        {
            builder.Services.AddSingleton<ISmsGateway, LogOnlySmsGateway>();
        }
        else
        {
            // The default request logging would write Kavenegar's URL, which holds the API key.
            client.RemoveAllLoggers();
            client.AddResilienceHandler(PipelineName, pipeline => Configure(pipeline, TimeSpan.FromSeconds(settings.TimeoutSeconds)));
        }

        builder.Services.AddSingleton<SmsStatusPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SmsStatusPoller>());
    }

    private static SmsOptions Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        MapLegacy(settings, configuration);
        return settings;
    }

    /// <summary>Notifications__Sms__Url (the old setting) still works: it means the Http provider at that address.</summary>
    private static void MapLegacy(SmsOptions settings, IConfiguration configuration)
    {
        var legacy = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()?.Sms;
        if (string.IsNullOrEmpty(settings.Provider) && legacy?.Url is not null)
        {
            settings.Provider = SmsProviders.Http;
            settings.BaseUrl ??= legacy.Url;
            settings.ApiKey ??= legacy.ApiKey;
        }
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan attempt)
    {
        pipeline
            .AddTimeout(attempt * 3)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(MayRepeat(args.Context, args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(attempt);
    }

    /// <summary>A question may always be asked again; a send only when it certainly never reached the operator.</summary>
    private static bool MayRepeat(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (context.GetRequestMessage()?.Method == HttpMethod.Get)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        return outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }
}
