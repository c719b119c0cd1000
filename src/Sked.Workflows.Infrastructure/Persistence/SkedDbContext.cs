using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Engine.Tasks;
using Sked.Workflows.Engine.Timers;
using Sked.Workflows.Infrastructure.Audit;
using Sked.Workflows.Infrastructure.Definitions;
using Sked.Workflows.Infrastructure.Faq;
using Sked.Workflows.Infrastructure.Identity;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.StaffNotices;
using Sked.Workflows.Infrastructure.Notifications;
using Sked.Workflows.Infrastructure.Outbox;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// The one database: cases, engine state, tasks, timers, audit, outbox, definitions and staff.
/// Each provider has a subclass only so that each keeps its own migrations.
/// </summary>
public abstract class SkedDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect login tokens and cookies, shared by every node so a restart keeps sessions.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CaseFile> Cases => Set<CaseFile>();
    public DbSet<CaseTimelineEntry> Timeline => Set<CaseTimelineEntry>();
    public DbSet<CaseAttachment> Attachments => Set<CaseAttachment>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> ChainHead => Set<AuditChainHead>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DefinitionVersion> DefinitionVersions => Set<DefinitionVersion>();
    public DbSet<DefinitionDraft> Drafts => Set<DefinitionDraft>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<FaqEntry> Faq => Set<FaqEntry>();
    public DbSet<FaqRepeat> FaqRepeats => Set<FaqRepeat>();
    public DbSet<CannedAnswer> CannedAnswers => Set<CannedAnswer>();
    public DbSet<CaseMail> CaseMail => Set<CaseMail>();
    public DbSet<MailboxCursor> MailboxCursors => Set<MailboxCursor>();
    public DbSet<StaffNotice> StaffNotices => Set<StaffNotice>();
    public DbSet<StaffNoticeRead> StaffNoticeReads => Set<StaffNoticeRead>();
    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();
    public DbSet<Calendar.CalendarSettings> CalendarSettings => Set<Calendar.CalendarSettings>();
    public DbSet<Calendar.CalendarHoliday> CalendarHolidays => Set<Calendar.CalendarHoliday>();
    public DbSet<Calendar.CalendarClosure> CalendarClosures => Set<Calendar.CalendarClosure>();
    public DbSet<Search.SynonymGroup> SynonymGroups => Set<Search.SynonymGroup>();
    public DbSet<Search.SynonymVersion> SynonymVersion => Set<Search.SynonymVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        MapCases(builder);
        MapEngine(builder);
        MapSupport(builder);
        MapMail(builder);
        MapNotices(builder);
        MapFaq(builder);
        MapSms(builder);
        Calendar.CalendarModel.Map(builder);
        Search.SynonymModel.Map(builder);
    }

    private static void MapNotices(ModelBuilder builder)
    {
        builder.Entity<StaffNotice>(e =>
        {
            e.ToTable("staff_notices");
            e.HasKey(n => n.Id);
            // A member's bell reads the newest notices of their login and groups.
            e.HasIndex(n => new { n.Recipient, n.At });
            e.Property(n => n.Recipient).HasMaxLength(120);
            e.Property(n => n.Kind).HasMaxLength(30);
            e.Property(n => n.Text).HasMaxLength(1000);
            e.Property(n => n.TrackingCode).HasMaxLength(20);
        });
        builder.Entity<StaffNoticeRead>(e =>
        {
            e.ToTable("staff_notice_reads");
            e.HasKey(r => new { r.NoticeId, r.UserName });
            e.Property(r => r.UserName).HasMaxLength(120);
            e.HasOne<StaffNotice>().WithMany().HasForeignKey(r => r.NoticeId);
        });
    }

    private static void MapSms(ModelBuilder builder)
    {
        builder.Entity<SmsMessage>(e =>
        {
            e.ToTable("sms_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            // A case's SMS, in order, for its page.
            e.HasIndex(m => new { m.CaseId, m.QueuedAt });
            // The delivery-report poller: accepted, not yet final, of the last day.
            e.HasIndex(m => new { m.State, m.AcceptedAt });
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.To).HasMaxLength(40);
            e.Property(m => m.Provider).HasMaxLength(20);
            e.Property(m => m.OperatorId).HasMaxLength(100);
            e.Property(m => m.Error).HasMaxLength(500);
        });
    }

    private static void MapMail(ModelBuilder builder)
    {
        builder.Entity<CaseMail>(e =>
        {
            e.ToTable("case_mail");
            e.HasKey(m => m.Id);
            // A mail read twice (a restart between fetch and commit) meets its first reading here.
            e.HasIndex(m => new { m.Direction, m.MessageId }).IsUnique();
            e.HasIndex(m => new { m.CaseId, m.At });
            // How many acknowledgements one sender had in the last hour.
            e.HasIndex(m => new { m.Address, m.At });
            e.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.Disposition).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.MessageId).HasMaxLength(400);
            e.Property(m => m.InReplyTo).HasMaxLength(400);
            e.Property(m => m.References).HasMaxLength(4000);
            e.Property(m => m.Address).HasMaxLength(254);
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(400);
            e.Property(m => m.SuppressedBecause).HasMaxLength(200);
            e.HasOne<CaseFile>().WithMany().HasForeignKey(m => m.CaseId);
        });
        builder.Entity<MailboxCursor>(e =>
        {
            e.ToTable("mailbox_cursors");
            e.HasKey(m => m.Mailbox);
            e.Property(m => m.Mailbox).HasMaxLength(400);
            e.Property(m => m.Holder).HasMaxLength(200);
        });
    }

    private static void MapFaq(ModelBuilder builder)
    {
        builder.Entity<FaqEntry>(e =>
        {
            e.ToTable("faq_entries");
            e.HasKey(f => f.Id);
            e.HasIndex(f => f.QuestionKey).IsUnique();
            e.Property(f => f.Category).HasMaxLength(FaqEntry.CategoryMax);
            e.Ignore(f => f.IsProposed);
        });
        builder.Entity<FaqRepeat>(e =>
        {
            e.ToTable("faq_repeats");
            e.HasKey(r => r.CaseId);
            e.HasIndex(r => r.FaqEntryId);
            e.Property(r => r.ConfirmedBy).HasMaxLength(256);
        });
    }

    private static void MapCases(ModelBuilder builder)
    {
        builder.Entity<CaseFile>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.TrackingCode).IsUnique();
            e.HasIndex(c => new { c.Type, c.CreatedAt });
            e.HasIndex(c => new { c.Department, c.Status });
            e.HasIndex(c => c.QuestionKey);
            // The duplicates merged into a case (issue 14).
            e.HasIndex(c => c.MergedIntoId);
            e.Property(c => c.TrackingCode).HasMaxLength(20);
            e.Property(c => c.Type).HasMaxLength(40);
            e.Property(c => c.Subject).HasMaxLength(SubmissionValidator.SubjectMax);
            e.Property(c => c.Body).HasMaxLength(SubmissionValidator.BodyMax);
            e.Property(c => c.Status).HasMaxLength(40);
            e.Property(c => c.Department).HasMaxLength(60);
            e.Property(c => c.IdentityVisibleTo).HasMaxLength(40);
            e.OwnsOne(c => c.Citizen, o =>
            {
                o.Property(p => p.Name).HasColumnName("citizen_name").HasMaxLength(SubmissionValidator.NameMax);
                o.Property(p => p.NationalCode).HasColumnName("citizen_national_code").HasMaxLength(10);
                o.Property(p => p.Mobile).HasColumnName("citizen_mobile").HasMaxLength(11);
                o.Property(p => p.Email).HasColumnName("citizen_email").HasMaxLength(254);
                o.Property(p => p.EmailUndeliverableAt).HasColumnName("citizen_email_undeliverable_at");
            });
            e.Navigation(c => c.Citizen).IsRequired();
            e.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.CaseId);
        });
        builder.Entity<CaseAttachment>(e =>
        {
            e.ToTable("case_attachments");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.CaseId);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.MailId);
            e.HasOne<CaseFile>().WithMany().HasForeignKey(a => a.CaseId);
        });
        builder.Entity<CaseTimelineEntry>(e =>
        {
            e.ToTable("case_timeline");
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.CaseId, t.Id });
        });
    }

    private static void MapTimers(ModelBuilder builder) =>
        builder.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("workflow_timers");
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.Status, t.DueAt });
            // Which node's poller holds the timer, until when (Timers/DueTimerPoller); not the engine's business.
            e.Property<DateTimeOffset?>(Infrastructure.Timers.DueTimerPoller.LeaseColumn);
            e.HasIndex(t => new { t.InstanceId, t.Activation });
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            // A timer fires once: two deliveries racing past the instance's own version check (one read
            // the timer before the other committed) meet here, and the second is retried and ignored.
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId);
        });

    private static void MapEngine(ModelBuilder builder)
    {
        MapTimers(builder);
        builder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.CaseId).IsUnique();
            e.HasIndex(i => i.Status);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Variables).HasConversion(JsonDictionary.Converter, JsonDictionary.Comparer);
            e.HasOne<CaseFile>().WithOne().HasForeignKey<WorkflowInstance>(i => i.CaseId);
            // No instance can reference a version that does not exist.
            e.HasOne<DefinitionVersion>().WithMany().HasForeignKey(i => new { i.DefinitionId, i.DefinitionVersion }).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<HumanTask>(e =>
        {
            e.ToTable("human_tasks");
            e.HasKey(t => t.Id);
            // One task per node activation: a duplicate signal can never open a second one.
            e.HasIndex(t => new { t.InstanceId, t.Activation }).IsUnique();
            // The task lists (ListTasks) read one of these in order and stop after a page: the id ends each
            // index so ties on the due date (a step opens many tasks at once) need no sort either.
            e.HasIndex(t => new { t.Status, t.CandidateRole, t.Department, t.DueAt, t.Id });
            // The e-desk's and other non-departmental queues, in due-date order.
            e.HasIndex(t => new { t.Status, t.CandidateRole, t.DueAt, t.Id });
            e.HasIndex(t => t.TrackingCode);
            e.HasIndex(t => new { t.Assignee, t.Status, t.DueAt, t.Id });
            // Done (by me) and a head's department backlog.
            e.HasIndex(t => new { t.CompletedBy, t.Status, t.DueAt, t.Id });
            e.HasIndex(t => new { t.Department, t.Status, t.DueAt, t.Id });
            e.HasIndex(t => new { t.CompletedBy, t.CompletedAt });
            // The auditors' SLA report reads the tasks due in a period, whatever their status or role.
            e.HasIndex(t => t.DueAt);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Data).HasConversion(JsonDictionary.Converter, JsonDictionary.Comparer);
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId);
        });
        builder.Entity<DefinitionVersion>(e =>
        {
            e.ToTable("definition_versions");
            e.HasKey(d => new { d.DefinitionId, d.Version });
        });
        builder.Entity<DefinitionDraft>(e =>
        {
            e.ToTable("definition_drafts");
            e.HasKey(d => d.DefinitionId);
        });
    }

    private static void MapSupport(ModelBuilder builder)
    {
        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.CaseId, a.Id });
            e.HasIndex(a => new { a.Type, a.At });
            e.HasIndex(a => new { a.Actor, a.At });
            // The auditors' activity reports group every event of a period (per department, per member).
            e.HasIndex(a => a.At);
            // One event per position: two transactions can never both write the same link.
            e.HasIndex(a => a.Seq).IsUnique();
        });
        builder.Entity<AuditChainHead>(e =>
        {
            // One row per lane (ChainLanes): lane 1's inserted by the migration that introduced the chain, the others at start.
            e.ToTable("audit_chain_head");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
        });
        builder.Entity<AuditCheckpoint>(e =>
        {
            e.ToTable("audit_checkpoints");
            e.HasKey(c => new { c.Lane, c.Day });
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.Status, o.AvailableAt });
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<Department>(e =>
        {
            e.ToTable("departments");
            e.HasKey(d => d.Code);
        });
        builder.Entity<StaffUser>(e => e.Property(u => u.Department).HasMaxLength(60));
        builder.Entity<CannedAnswer>(e =>
        {
            e.ToTable("canned_answers");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.Department);
            e.Property(a => a.Department).HasMaxLength(60);
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.Text).HasMaxLength(4000);
        });
    }
}

/// <summary>Stores string dictionaries (instance variables, task form data) as JSON text.</summary>
internal static class JsonDictionary
{
    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(StringComparer.Ordinal));

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
        v => new Dictionary<string, string>(v, StringComparer.Ordinal));
}
