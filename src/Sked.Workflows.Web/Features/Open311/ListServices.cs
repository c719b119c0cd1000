using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Open311;

/// <summary>
/// GET /open311/v2/services.json and /services/{code}.json: the public report categories as Open311
/// services (service_code = category key, Persian names). None asks for extra attributes.
/// </summary>
public static class ListServices
{
    public sealed record ServiceView(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("metadata")] bool Metadata,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("keywords")] string Keywords,
        [property: JsonPropertyName("group")] string Group);

    public sealed record ServiceDefinitionView(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("attributes")] IReadOnlyList<object> Attributes);

    // What a citizen would call each category, to help apps match what they type to a service.
    private static readonly Dictionary<string, (string Description, string Keywords)> Details = new(StringComparer.Ordinal)
    {
        [ReportCategories.ElectricityTheft] = ("انشعاب غیرمجاز، اتصال مستقیم به شبکه بدون کنتور یا هر استفاده غیرمجاز دیگر از برق.",
            "برق غیرمجاز, انشعاب غیرمجاز, سرقت برق"),
        [ReportCategories.EquipmentTheft] = ("سرقت یا تخریب سیم، کابل، ترانسفورماتور، تیر یا دیگر تجهیزات شبکه برق.",
            "سرقت کابل, سرقت سیم, ترانسفورماتور, تجهیزات برق"),
        [ReportCategories.MeterTampering] = ("دستکاری کنتور برق، دور زدن آن یا شکستن پلمب کنتور.",
            "کنتور, پلمب, دستکاری کنتور"),
        [ReportCategories.Hazard] = ("نقطه‌ای از شبکه که خطر برق‌گرفتگی یا حادثه دارد: سیم افتاده یا آویزان، تیر کج، تابلوی برق باز.",
            "سیم افتاده, برق‌گرفتگی, تیر کج, خطر"),
        [ReportCategories.RightOfWay] = ("ساخت‌وساز، درخت یا هر تجاوز دیگری به حریم خطوط و تأسیسات برق.",
            "حریم, ساخت‌وساز زیر خط, درخت زیر خط"),
    };

    public static string UnknownService => "service_code: " + Domain.Text.Catalogue.Render(Open311Texts.UnknownService);

    public static RouteGroupBuilder MapServices(this RouteGroupBuilder open311)
    {
        open311.MapGet("/services.{format}", () => Results.Ok(ReportCategories.PersianNames.Select(c => ToView(c.Key, c.Value)).ToList()))
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .Produces<IReadOnlyList<ServiceView>>();
        open311.MapGet("/services/{code}.{format}", Definition)
            .RequireRateLimiting(WebApiRegistration.TrackingLimit)
            .Produces<ServiceDefinitionView>()
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
        return open311;
    }

    private static IResult Definition(string code) =>
        ReportCategories.IsKnown(code)
            ? Results.Ok(new ServiceDefinitionView(code, []))
            : Open311Errors.NotFound(UnknownService);

    private static ServiceView ToView(string code, string name)
    {
        var (description, keywords) = Details.GetValueOrDefault(code, (name, name));
        return new ServiceView(code, name, description, Metadata: false, Type: "realtime", keywords,
            CaseTypes.PersianNames[CaseTypes.PublicReport]);
    }
}
