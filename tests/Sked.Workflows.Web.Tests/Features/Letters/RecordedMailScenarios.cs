using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Mail;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Infrastructure.Workflows;
using Sked.Workflows.Testing;
using Sked.Workflows.Web.Features.Letters;
using Sked.Workflows.Web.Features.Tasks;

namespace Sked.Workflows.Web.Tests.Features.Letters;

/// <summary>
/// The e-desk records a mail that reached the company another way: it becomes an e-mail case whose
/// thread starts with that mail and the acknowledgement it caused; staff who may see the case see the
/// thread, with the citizen's later mail, its files and a bounce.
/// </summary>
public abstract class RecordedMailScenarios(TestDatabases databases, Store store)
{
    private static readonly StaffMember EDesk = new("edesk", new HashSet<string>([Roles.EDesk], StringComparer.Ordinal), null, "127.0.0.1");

    [Fact]
    public async Task RecordedThroughTheApi_OpensACaseWhoseThreadHoldsTheMailAndTheQueuedAcknowledgement()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var response = await (await app.LoginAsync("edesk")).PostAsJsonAsync("/api/v1/email-inquiries",
            new { subject = "قطعی مکرر برق", body = "برق کوچه ما هر شب ساعت نه قطع می‌شود؛ لطفاً بررسی کنید.", fromAddress = "reza@example.ir", fromName = "رضا توکلی" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        var thread = await MailFeed.ThreadAsync(app, code);
        Assert.Equal(2, thread.Count);
        var (recorded, acknowledgement) = (thread[0], thread[1]);
        Assert.Equal((MailDirection.In, MailDisposition.NewCase), (recorded.Direction, recorded.Disposition));
        Assert.Matches("^recorded-[0-9a-f]{32}@sked\\.co\\.ir$", recorded.MessageId);
        Assert.Equal(("reza@example.ir", "رضا توکلی", "قطعی مکرر برق"), (recorded.Address, recorded.DisplayName, recorded.Subject));
        Assert.Contains("هر شب ساعت نه", recorded.Text, StringComparison.Ordinal);
        Assert.Equal(MailDirection.Out, acknowledgement.Direction);
        Assert.Contains(acknowledgement.Disposition, new[] { MailDisposition.Queued, MailDisposition.Sent });
        Assert.Equal("reza@example.ir", acknowledgement.Address);
        Assert.Contains(code, acknowledgement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedThroughTheHandler_TheCaseOpensTheEDeskTask_AndItsPageShowsTheThreadAndTheRecorder()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));

        var recorded = await app.Service<StartEmailInquiry.Handler>().HandleAsync(
            new StartEmailInquiry.Request("درخواست نصب کنتور", "برای واحد تازه‌ساز خود کنتور سه‌فاز می‌خواهم.", " sara@example.ir ", null), EDesk, CancellationToken.None);

        Assert.Equal(WorkflowResultKind.Ok, recorded.Started.Result.Kind);
        var taskId = Assert.IsType<Guid>(recorded.TaskId);
        var details = await LoadAsync(app, taskId, EDesk);
        Assert.NotNull(details);
        Assert.Equal(recorded.Started.TrackingCode, details.Case.TrackingCode);
        Assert.Equal("edesk-answer", details.Task.NodeId);
        Assert.Collection(details.Mail.Mails,
            first => Assert.True(first.Recorded && first.Mail.Address == "sara@example.ir" && first.Mail.Direction == MailDirection.In),
            second => Assert.True(!second.Recorded && second.Mail.Direction == MailDirection.Out));
        Assert.Equal("edesk", details.Mail.Recorder);
        Assert.Null(details.Mail.UndeliverableSince);
    }

    [Theory]
    [InlineData("", "نشانی پست الکترونیکی را وارد کنید.")]
    [InlineData("reza-at-example.ir", "نشانی پست الکترونیکی معتبر نیست.")]
    public async Task ABadSenderAddress_IsRefusedWithAPersianFieldError_AndNothingIsRecorded(string address, string sentence)
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var mail = new StartEmailInquiry.Request("قطعی مکرر برق", "برق کوچه ما هر شب ساعت نه قطع می‌شود.", address, "رضا");

        var response = await (await app.LoginAsync("edesk")).PostAsJsonAsync("/api/v1/email-inquiries",
            new { subject = mail.Subject, body = mail.Body, fromAddress = mail.FromAddress, fromName = mail.FromName });
        var handled = await app.Service<StartEmailInquiry.Handler>().HandleAsync(mail, EDesk, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(sentence, problem["errors"]!["citizen.email"]![0]!.GetValue<string>());
        Assert.Equal(WorkflowResultKind.Invalid, handled.Started.Result.Kind);
        Assert.Equal(sentence, Domain.Cases.FieldErrors.Render(handled.Started.Result.Errors!)["citizen.email"].Single());
        Assert.Null(handled.TaskId);
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.CaseMail.CountAsync());
    }

    [Fact]
    public async Task AReplyWithAFileAndABounce_JoinTheThread_AndOnlyStaffWhoMaySeeTheCaseSeeIt()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var recorded = await app.Service<StartEmailInquiry.Handler>().HandleAsync(
            new StartEmailInquiry.Request("قبض اشتباه", "مبلغ قبض این دوره با مصرف ما جور نیست.", "nader@example.ir", "نادر"), EDesk, CancellationToken.None);
        var code = recorded.Started.TrackingCode!;
        var acknowledgement = await MailFeed.AcknowledgementIdAsync(app, code);
        var bill = MailFeed.File("قبض-آذر.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 a scanned bill"));

        Assert.Equal(MailDisposition.Reply, await MailFeed.ReplyAsync(app, acknowledgement, "nader@example.ir", "Re: رسید پیام شما", "تصویر قبض را پیوست کردم.", bill));
        Assert.Equal(MailDisposition.Bounce, await MailFeed.BounceAsync(app, acknowledgement));

        var thread = (await LoadAsync(app, recorded.TaskId!.Value, EDesk))!.Mail;
        Assert.Equal([MailDisposition.NewCase, MailDisposition.Reply, MailDisposition.Bounce],
            thread.Mails.Where(m => m.Mail.Direction == MailDirection.In).Select(m => m.Mail.Disposition));
        var reply = thread.Mails.Single(m => m.Mail.Disposition == MailDisposition.Reply);
        var file = Assert.Single(reply.Attachments);
        Assert.Equal(("قبض-آذر.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.All(thread.Mails.Where(m => m != reply), m => Assert.Empty(m.Attachments));
        Assert.NotNull(thread.UndeliverableSince);

        var otherDepartment = new StaffMember("staff.metering", new HashSet<string>([Roles.Department], StringComparer.Ordinal), "metering", null);
        Assert.Null(await LoadAsync(app, recorded.TaskId!.Value, otherDepartment));
    }

    private static async Task<TaskDetails?> LoadAsync(TestApp app, Guid taskId, StaffMember member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskDetailsQuery>().LoadAsync(taskId, member, CancellationToken.None);
    }
}

public sealed class RecordedMailOnSqlite(TestDatabases databases) : RecordedMailScenarios(databases, Store.Sqlite);

public sealed class RecordedMailOnPostgres(TestDatabases databases) : RecordedMailScenarios(databases, Store.Postgres);
