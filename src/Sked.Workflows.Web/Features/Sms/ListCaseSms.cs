using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Web.Features.Sms;

/// <summary>
/// A case's SMS with their delivery states, oldest first, for the staff case page
/// (<see cref="CaseSmsList"/>). Never the text: a letter's password may have been in it. The caller
/// has already been allowed to see the case (CaseAccess).
/// </summary>
public static class ListCaseSms
{
    /// <summary>
    /// One SMS as staff see it. <see cref="NeedsAttention"/>: it did not reach the citizen's phone
    /// (undelivered: perhaps a mistyped number) or was refused; the e-desk should reach them another way.
    /// </summary>
    public sealed record SmsView(Guid Id, string To, SmsState State, DateTimeOffset QueuedAt, DateTimeOffset StateAt, string? Error)
    {
        public bool NeedsAttention => State is SmsState.Undelivered or SmsState.Failed;

        /// <summary>The state's catalogue value (<c>smsState.&lt;wire&gt;</c>).</summary>
        public string StateWire => State.Wire();
    }

    public sealed class Handler(IDbContextFactory<SkedDbContext> dbFactory)
    {
        public async Task<IReadOnlyList<SmsView>> HandleAsync(Guid caseId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.SmsMessages.AsNoTracking().Where(s => s.CaseId == caseId)
                .OrderBy(s => s.QueuedAt).ThenBy(s => s.Id)
                .Select(s => new SmsView(s.Id, s.To, s.State, s.QueuedAt, s.StateAt, s.Error))
                .ToListAsync(cancellationToken);
        }
    }
}
