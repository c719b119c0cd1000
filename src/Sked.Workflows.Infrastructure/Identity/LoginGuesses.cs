using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Security;
using Sked.Workflows.Infrastructure.Persistence;

namespace Sked.Workflows.Infrastructure.Identity;

/// <summary>
/// The per-account ceiling on password guesses (<see cref="GuessDelay"/>), kept on the account's row
/// so every node shares it: Identity's <c>AccessFailedCount</c> counts failures in a row and
/// <c>LockoutEnd</c> says when the next attempt may come. An attempt is counted as failed before
/// the password is checked, in one conditional update, so guesses sent at once from many addresses
/// cannot all slip in, and a refused one costs no key derivation.
/// </summary>
public sealed class LoginGuesses(IDbContextFactory<SkedDbContext> dbFactory, TimeProvider time)
{
    /// <summary>One claimed attempt: the failures in a row and the rest it leads to if the password is wrong.</summary>
    public sealed record Attempt(int Failures, DateTimeOffset Until);

    /// <summary>Claims one attempt for <paramref name="user"/>; null while the account rests (or another attempt just claimed it).</summary>
    public async Task<Attempt?> TryBeginAsync(StaffUser user)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleOrDefaultAsync();
        if (current is null || current.LockoutEnd > now)
        {
            return null;
        }

        var failures = current.AccessFailedCount + 1;
        var until = now + GuessDelay.After(failures);
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && u.AccessFailedCount == current.AccessFailedCount && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, failures).SetProperty(u => u.LockoutEnd, until));
        return claimed == 1 ? new Attempt(failures, until) : null;
    }

    /// <summary>Ends a claimed attempt: a right password forgets the failures in a row; a wrong one keeps the claim.</summary>
    public async Task EndAsync(StaffUser user, Attempt attempt, bool succeeded)
    {
        if (!succeeded)
        {
            Mirror(user, attempt.Failures, attempt.Until);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
        Mirror(user, 0, null);
    }

    // Identity's store may save the loaded account later (a rehashed password): it must not write old counts back.
    private static void Mirror(StaffUser user, int failures, DateTimeOffset? until)
    {
        user.AccessFailedCount = failures;
        user.LockoutEnd = until;
    }
}
