using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Cases;

/// <summary>The validator returns codes; the API's 400 carries their catalogue sentences, field by field.</summary>
public sealed class FieldErrorSentencesTests(TestDatabases databases)
{
    [Fact]
    public async Task AnInvalidSubmission_Is400_WithTheCatalogueSentenceOfEachCode()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite));

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/cases", new
        {
            type = "complaint",
            subject = "",
            body = "کوتاه",
            citizen = new { name = "علی", mobile = "0912" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(["موضوع را وارد کنید."], Sentences(errors, "subject"));
        Assert.Equal(["متن باید دست‌کم ۱۰ نویسه باشد."], Sentences(errors, "body"));
        Assert.Equal([Catalogue.Render(SubmissionErrors.MobileInvalid)], Sentences(errors, "citizen.mobile"));
        Assert.Equal("شماره همراه باید به شکل ۰۹xxxxxxxxx باشد.", Sentences(errors, "citizen.mobile")[0]);
    }

    private static string[] Sentences(JsonObject errors, string field) =>
        errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
}
