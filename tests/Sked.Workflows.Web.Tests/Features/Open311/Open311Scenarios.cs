using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Infrastructure.Persistence;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Web.Tests.Features.Open311;

/// <summary>A civic app files and follows public reports through Open311 GeoReport v2, on each store.</summary>
public abstract class Open311Scenarios(TestDatabases databases, Store store)
{
    private const string Phone = "09123456789";
    private const string FirstName = "پرویز";
    private const string LastName = "کاوه‌نژاد";
    private const string Email = "parviz.reporter@example.ir";

    [Fact]
    public async Task Services_AreTheFiveReportCategories_WithPersianNames()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();

        var services = (await client.GetFromJsonAsync<JsonArray>("/open311/v2/services.json"))!.Select(s => s!.AsObject()).ToList();

        Assert.Equal(ReportCategories.PersianNames.Keys.Order(StringComparer.Ordinal), services.Select(s => Text(s, "service_code")).Order(StringComparer.Ordinal));
        Assert.All(services, s =>
        {
            Assert.Equal(ReportCategories.PersianNames[Text(s, "service_code")!], Text(s, "service_name"));
            Assert.False(s["metadata"]!.GetValue<bool>());
            Assert.Equal("realtime", Text(s, "type"));
            Assert.Equal("گزارش مردمی", Text(s, "group"));
            Assert.False(string.IsNullOrWhiteSpace(Text(s, "description")));
            Assert.False(string.IsNullOrWhiteSpace(Text(s, "keywords")));
        });
        var definition = await client.GetFromJsonAsync<JsonObject>("/open311/v2/services/electricity-theft.json");
        Assert.Equal("electricity-theft", Text(definition!, "service_code"));
        Assert.Empty(definition!["attributes"]!.AsArray());
        await AssertErrorAsync(await client.GetAsync("/open311/v2/services/street-lights.json"), HttpStatusCode.NotFound, "service_code");
        await AssertErrorAsync(await client.GetAsync("/open311/v2/services.xml"), HttpStatusCode.NotFound, "JSON");
    }

    [Fact]
    public async Task FormPost_CreatesAPublicReport_OpenWithExpectedTime_ClosedOnceStaffAnswer()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();

        var created = await PostFormAsync(client, With(Report("electricity-theft"), ("api_key", "any-key"), ("device_id", "d-1"), ("media_url", "https://example.ir/1.jpg")));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var receipt = Assert.Single((await created.Content.ReadFromJsonAsync<JsonArray>())!)!.AsObject();
        var id = Text(receipt, "service_request_id")!;
        Assert.Contains(id, Text(receipt, "service_notice"), StringComparison.Ordinal);
        Assert.Null(receipt["account_id"]);
        Assert.Equal("public-report", Text(await CaseApi.TrackAsync(client, id), "type"));

        var open = await GetRequestAsync(client, id);
        Assert.Equal("open", Text(open, "status"));
        Assert.Equal("electricity-theft", Text(open, "service_code"));
        Assert.Equal("کشف برق غیرمجاز", Text(open, "service_name"));
        Assert.Equal("بازرسی و کشف برق غیرمجاز", Text(open, "agency_responsible"));
        Assert.Equal("در حال بررسی در میز خدمت الکترونیک", Text(open, "status_notes"));
        Assert.Equal("کنار تیر برق کوچه ۱۲ یک سیم‌کشی غیرمجاز به خانه‌ای کشیده شده است.", Text(open, "description"));
        Assert.Equal("بم، خیابان امام، کوچه ۱۲", Text(open, "address"));
        Assert.Equal(29.106, open["lat"]!.GetValue<double>(), 6);
        Assert.Equal(58.357, open["long"]!.GetValue<double>(), 6);
        Assert.Null(open["media_url"]);
        var requestedAt = Instant(open, "requested_datetime");
        Assert.True(Instant(open, "expected_datetime") > requestedAt);
        Assert.True(Instant(open, "updated_datetime") >= requestedAt);

        await new CaseDriver(app, "inspection").DriveAsync(id);

        var closed = await GetRequestAsync(client, id);
        Assert.Equal("closed", Text(closed, "status"));
        Assert.Equal("پاسخ داده شد", Text(closed, "status_notes"));
        Assert.True(Instant(closed, "updated_datetime") > Instant(open, "updated_datetime"));
    }

    [Fact]
    public async Task Reporter_NameAndPhoneAndEmail_AreKeptButNeverAnswered()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();
        var bodies = new List<string>();

        var created = await PostFormAsync(client, Report("hazard"));
        bodies.Add(await created.Content.ReadAsStringAsync());
        var id = Text(JsonNode.Parse(bodies[0])![0]!.AsObject(), "service_request_id")!;
        foreach (var path in new[] { $"requests/{id}.json", "requests.json", $"requests.json?service_request_id={id}", "requests.json?service_code=hazard&status=open" })
        {
            var response = await client.GetAsync($"/open311/v2/{path}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var stored = await db.Cases.SingleAsync(c => c.TrackingCode == id);
        Assert.Equal(Phone, stored.Citizen.Mobile);
        Assert.False(stored.Anonymous);
        Assert.All(bodies, body =>
        {
            Assert.Contains(id, body, StringComparison.Ordinal);
            foreach (var secret in new[] { Phone, Phone[1..], FirstName, LastName, Email })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task JsonPostWithoutPhone_IsAnAnonymousReport_AndKeepsNoName()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));

        var created = await app.Anonymous().PostAsJsonAsync("/open311/v2/requests.json", new
        {
            service_code = "equipment-theft",
            lat = 30.28,
            @long = 57.07,
            description = "کابل‌های برق پست هوایی سر خیابان شب گذشته بریده و برده شده‌اند.",
            first_name = FirstName,
            email = Email,
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = Text((await created.Content.ReadFromJsonAsync<JsonArray>())![0]!.AsObject(), "service_request_id");
        await using var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync();
        var stored = await db.Cases.SingleAsync(c => c.TrackingCode == id);
        Assert.True(stored.Anonymous);
        Assert.Null(stored.Citizen.Name);
        Assert.Null(stored.Citizen.Email);
        Assert.Equal(30.28, stored.Latitude);
    }

    [Fact]
    public async Task RequestsList_FiltersByServiceCodeStatusDatesAndIds_OnlyPublicReports()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();
        var theft = await CreateAsync(client, "electricity-theft");
        var hazard = await CreateAsync(client, "hazard");
        var meter = await CreateAsync(client, "meter-tampering");
        var complaint = await CaseApi.SubmitAsync(client, CaseApi.Complaint());
        await new CaseDriver(app, "safety").DriveAsync(hazard);
        var old = await CreateAsync(client, "right-of-way");
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-120);
        await using (var db = await app.Service<IDbContextFactory<SkedDbContext>>().CreateDbContextAsync())
        {
            await db.Cases.Where(c => c.TrackingCode == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, longAgo));
        }

        var theftAt = Instant(await GetRequestAsync(client, theft), "requested_datetime");
        var hazardAt = Instant(await GetRequestAsync(client, hazard), "requested_datetime");
        var meterAt = Instant(await GetRequestAsync(client, meter), "requested_datetime");

        Assert.Equal([meter, hazard, theft], await ListAsync(client, ""));
        Assert.Equal([theft], await ListAsync(client, "service_code=electricity-theft"));
        Assert.Equal([hazard, theft], await ListAsync(client, "service_code=electricity-theft,hazard"));
        Assert.Equal([hazard], await ListAsync(client, "status=closed"));
        Assert.Equal([meter, theft], await ListAsync(client, "status=open"));
        Assert.Equal([meter, hazard, theft], await ListAsync(client, "status=open,closed"));
        Assert.Equal([meter], await ListAsync(client, $"start_date={W3c(meterAt)}"));
        Assert.Equal([theft], await ListAsync(client, $"end_date={W3c(theftAt)}"));
        Assert.Equal([hazard], await ListAsync(client, $"start_date={W3c(hazardAt)}&end_date={W3c(hazardAt)}"));
        Assert.Equal([old], await ListAsync(client, $"start_date={W3c(longAgo.AddDays(-1))}&end_date={W3c(longAgo.AddDays(1))}"));
        Assert.Equal([meter, theft], await ListAsync(client, $"service_request_id={theft},{meter},{complaint}&status=closed"));
        Assert.Equal([old], await ListAsync(client, $"service_request_id={old}"));

        await AssertErrorAsync(await client.GetAsync("/open311/v2/requests.json?status=pending"), HttpStatusCode.BadRequest, "status");
        await AssertErrorAsync(await client.GetAsync("/open311/v2/requests.json?start_date=yesterday"), HttpStatusCode.BadRequest, "start_date");
        await AssertErrorAsync(await client.GetAsync($"/open311/v2/requests.json?start_date={W3c(longAgo)}&end_date={W3c(meterAt)}"), HttpStatusCode.BadRequest, "۹۰");
    }

    [Fact]
    public async Task PostWithoutServiceCodeOrLocation_Returns400_WithTheOpen311ErrorArray()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();
        var report = Report("meter-tampering");

        await AssertErrorAsync(await PostFormAsync(client, Without(report, "service_code")), HttpStatusCode.BadRequest, "service_code");
        await AssertErrorAsync(await PostFormAsync(client, Without(report, "lat", "long", "address_string")), HttpStatusCode.BadRequest, "address_string");
        await AssertErrorAsync(await PostFormAsync(client, Without(report, "long")), HttpStatusCode.BadRequest, "long");
        await AssertErrorAsync(await PostFormAsync(client, With(report, ("lat", "north"))), HttpStatusCode.BadRequest, "lat");
        await AssertErrorAsync(await PostFormAsync(client, With(report, ("lat", "95"))), HttpStatusCode.BadRequest, "lat");
        await AssertErrorAsync(await PostFormAsync(client, With(report, ("description", "کوتاه"))), HttpStatusCode.BadRequest, "description: ");
        await AssertErrorAsync(await PostFormAsync(client, With(report, ("phone", "12345"))), HttpStatusCode.BadRequest, "phone: ");
        await AssertErrorAsync(await PostFormAsync(client, With(report, ("service_code", "street-lights"))), HttpStatusCode.NotFound, "service_code");
        using var text = new StringContent("service_code=hazard", Encoding.UTF8, "text/plain");
        await AssertErrorAsync(await client.PostAsync("/open311/v2/requests.json", text), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        using var broken = new StringContent("{\"service_code\": ", Encoding.UTF8, "application/json");
        await AssertErrorAsync(await client.PostAsync("/open311/v2/requests.json", broken), HttpStatusCode.BadRequest, "");

        Assert.Empty(await ListAsync(client, ""));
    }

    [Fact]
    public async Task UnknownOrPrivateId_Returns404_WithTheOpen311ErrorArray()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(store));
        var client = app.Anonymous();
        var report = await CreateAsync(client, "right-of-way");
        var complaint = await CaseApi.SubmitAsync(client, CaseApi.Complaint());
        var unknown = Domain.TrackingCodes.TrackingCode.New().Value;

        await AssertErrorAsync(await client.GetAsync($"/open311/v2/requests/{unknown}.json"), HttpStatusCode.NotFound, "service_request_id");
        await AssertErrorAsync(await client.GetAsync("/open311/v2/requests/12345.json"), HttpStatusCode.NotFound, "service_request_id");
        // A complaint is between the citizen and the company; Open311 serves public reports only.
        await AssertErrorAsync(await client.GetAsync($"/open311/v2/requests/{complaint}.json"), HttpStatusCode.NotFound, "service_request_id");
        await AssertErrorAsync(await client.GetAsync($"/open311/v2/requests/{report}.xml"), HttpStatusCode.NotFound, "JSON");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/requests/{report}.json")).StatusCode);
    }

    private static Dictionary<string, string> Report(string serviceCode) => new(StringComparer.Ordinal)
    {
        ["service_code"] = serviceCode,
        ["lat"] = "29.106",
        ["long"] = "58.357",
        ["address_string"] = "بم، خیابان امام، کوچه ۱۲",
        ["description"] = "کنار تیر برق کوچه ۱۲ یک سیم‌کشی غیرمجاز به خانه‌ای کشیده شده است.",
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["phone"] = Phone,
        ["email"] = Email,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> form, params (string Name, string Value)[] fields)
    {
        var copy = new Dictionary<string, string>(form, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            copy[name] = value;
        }

        return copy;
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> form, params string[] names)
    {
        var copy = new Dictionary<string, string>(form, StringComparer.Ordinal);
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync("/open311/v2/requests.json", content);
    }

    private static async Task<string> CreateAsync(HttpClient client, string serviceCode)
    {
        var response = await PostFormAsync(client, Report(serviceCode));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Text(JsonNode.Parse(body)![0]!.AsObject(), "service_request_id")!;
    }

    private static async Task<JsonObject> GetRequestAsync(HttpClient client, string id)
    {
        var requests = await client.GetFromJsonAsync<JsonArray>($"/open311/v2/requests/{id}.json");
        return Assert.Single(requests!)!.AsObject();
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/open311/v2/requests.json?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsArray().Select(r => Text(r!.AsObject(), "service_request_id")!).ToList();
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var error = Assert.Single(JsonNode.Parse(body)!.AsArray())!.AsObject();
        Assert.Equal((int)status, error["code"]!.GetValue<int>());
        Assert.Contains(mentions, Text(error, "description"), StringComparison.Ordinal);
    }

    private static string? Text(JsonObject item, string field) => item[field]?.GetValue<string>();

    private static DateTimeOffset Instant(JsonObject item, string field) => item[field]!.GetValue<DateTimeOffset>();

    private static string W3c(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class Open311OnSqlite(TestDatabases databases) : Open311Scenarios(databases, Store.Sqlite);

public sealed class Open311OnPostgres(TestDatabases databases) : Open311Scenarios(databases, Store.Postgres);

/// <summary>Open311 clients get the public API's limits, told in Open311's error shape. Store-independent, so on SQLite.</summary>
public sealed class Open311LimitTests(TestDatabases databases)
{
    [Fact]
    public async Task ClientOverTheLimit_Gets429_AsAnOpen311ErrorArray_WithRetryAfter()
    {
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RateLimits:TrackingPerMinute"] = "3",
            ["RateLimits:SubmissionsPerMinute"] = "1",
        });
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync($"/open311/v2/requests/{Domain.TrackingCodes.TrackingCode.New().Value}.json")).StatusCode);
        }

        using var first = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["service_code"] = "hazard" });
        using var second = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["service_code"] = "hazard" });
        var submitted = await client.PostAsync("/open311/v2/requests.json", first);
        var limited = await client.PostAsync("/open311/v2/requests.json", second);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var error = Assert.Single((await limited.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal(429, error["code"]!.GetValue<int>());
    }
}
