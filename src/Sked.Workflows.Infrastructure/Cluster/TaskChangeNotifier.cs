using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Cluster;

/// <summary>
/// Tells the other nodes about this node's committed task changes: every change the <see cref="TaskFeed"/>
/// publishes here (after commit), and every set of staff notices the <see cref="StaffNoticeFeed"/> announces,
/// becomes a PostgreSQL notification. Changes are queued, not sent on the
/// committing thread, and sent in batches of one statement, so a busy node pays one round trip per batch.
/// A change that came from another node is not sent back. A notification lost here (the node died after
/// its commit) is found by every other node's <see cref="MissedChangeCatchUp"/>.
/// </summary>
public sealed partial class TaskChangeNotifier(
    TaskFeed feed,
    StaffNoticeFeed notices,
    NodeIdentity node,
    IDbContextFactory<SkedDbContext> dbFactory,
    ILogger<TaskChangeNotifier> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Changed += OnChanged;
        notices.Written += OnNoticed;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= OnChanged;
        notices.Written -= OnNoticed;
        await base.StopAsync(cancellationToken);
    }

    private void OnChanged(object? sender, TaskChangedEventArgs change)
    {
        if (!change.FromOtherNode)
        {
            _queue.Writer.TryWrite(TaskChangeMessage.Write(node.Id, change));
        }
    }

    private void OnNoticed(object? sender, StaffNoticesWrittenEventArgs written)
    {
        if (!written.FromOtherNode)
        {
            _queue.Writer.TryWrite(TaskChangeMessage.Write(node.Id, written));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var payload))
            {
                batch.Add(payload);
            }

            try
            {
                await SendAsync(batch.ToArray(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The others' catch-up finds these changes within seconds; nothing to retry here.
                LogSendFailed(logger, batch.Count, ex);
            }

            batch.Clear();
        }
    }

    private async Task SendAsync(string[] payloads, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({TaskChangeMessage.Channel}, p) FROM unnest({payloads}) AS p", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes about {Count} task changes; their catch-up will find them")]
    private static partial void LogSendFailed(ILogger logger, int count, Exception exception);
}
