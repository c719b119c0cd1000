using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Hears the other nodes' task changes on a connection of its own (LISTEN holds a connection, so it is
/// not taken from the pool) and publishes them on this node's <see cref="TaskFeed"/> (notices on its
/// <see cref="StaffNoticeFeed"/>, so a bell rings on every node); its own echo is
/// dropped. A keepalive finds a dead connection within seconds; it is opened again with a growing pause,
/// and after an outage the screens are told to reload once, since what was sent meanwhile is lost.
/// </summary>
public sealed partial class TaskChangeListener(
    TaskFeed feed,
    StaffNoticeFeed notices,
    NodeIdentity node,
    DatabaseOptions database,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<TaskChangeListener> logger) : BackgroundService
{
    /// <summary>Whether the listening connection is open now (the health check and the tests read it).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        var pause = TimeSpan.FromSeconds(options.Value.ReconnectSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListeningConnectionString());
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {TaskChangeMessage.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                pause = TimeSpan.FromSeconds(options.Value.ReconnectSeconds);
                if (!first)
                {
                    LogReconnected(logger);
                    feed.Publish(new TaskChangedEventArgs("", null, "reconnected") { FromOtherNode = true });
                }

                first = false;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Listening = false;
                LogLost(logger, pause, ex.Message);
                await Task.Delay(pause, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(options.Value.ReconnectSeconds * 10).Ticks));
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            finally
            {
                Listening = false;
            }
        }
    }

    /// <summary>The app's connection string, outside the pool, with a keepalive so a silent break is noticed.</summary>
    private string ListeningConnectionString() =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 5, ApplicationName = $"sked-listen {node.Name}" }.ConnectionString;

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (TaskChangeMessage.Read(e.Payload) is not { } message || message.Node == node.Id)
        {
            return;
        }

        if (message.Recipients is not null)
        {
            notices.Publish(message.ToNotices());
        }
        else
        {
            feed.Publish(message.ToChange());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that hears other nodes' task changes; opening it again in {Pause}: {Error}")]
    private static partial void LogLost(ILogger logger, TimeSpan pause, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing other nodes' task changes again; open screens reload once")]
    private static partial void LogReconnected(ILogger logger);
}
