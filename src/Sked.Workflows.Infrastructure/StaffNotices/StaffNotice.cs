namespace Sked.Workflows.Infrastructure.StaffNotices;

/// <summary>
/// One line in a staff member's bell: a task assigned to them, a task returned, a reminder before a
/// deadline, an escalation to the head, a citizen's reply. Written in the transaction of the change
/// it tells of. <see cref="Recipient"/> is a login, or a group (<see cref="StaffGroups"/>) when the
/// task is nobody's yet; each member's reading is <see cref="StaffNoticeRead"/>.
/// </summary>
public sealed class StaffNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Recipient { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? TrackingCode { get; init; }
    public Guid? TaskId { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>That a member has read a notice (a group notice is read by each member on their own).</summary>
public sealed class StaffNoticeRead
{
    public Guid NoticeId { get; init; }
    public required string UserName { get; init; }
    public DateTimeOffset At { get; init; }
}
