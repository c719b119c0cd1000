using System.Text.Json.Nodes;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Engine.Nodes;

namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// What a node dropped from the palette starts with: the smallest properties its type accepts, so
/// the owner edits a working node instead of fixing a list of missing fields first.
/// </summary>
public static class NodeTemplates
{
    public static string LabelFor(string type) => NodeCatalogue.Find(type)?.PersianName ?? type;

    public static string IdPrefixFor(string type) => type switch
    {
        "humanTask" => "task",
        "autoRoute" => "route",
        "publishAnswer" => "publish",
        "promoteToFaq" => "faq",
        "setStatus" => "status",
        _ => type,
    };

    public static JsonObject? PropertiesFor(string type) => type switch
    {
        HumanTaskNode.TypeName => new JsonObject
        {
            ["title"] = "کار تازه",
            ["candidateRole"] = Roles.EDesk,
            ["outcomes"] = new JsonArray(new JsonObject { ["name"] = "done", ["label"] = "انجام شد" }),
            ["sla"] = "P1D",
        },
        "autoRoute" => new JsonObject { ["rules"] = new JsonArray(), ["defaultDepartment"] = "customer-service" },
        "decision" => new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["when"] = new JsonArray(new JsonObject { ["field"] = "case.answerType", ["op"] = "equals", ["value"] = "public" }),
                ["outcome"] = "yes",
            }),
            ["defaultOutcome"] = "no",
        },
        "timer" => new JsonObject { ["duration"] = "P1D" },
        "notify" => new JsonObject { ["channel"] = "sms", ["to"] = "citizen", ["template"] = "شهروند گرامی، پرونده {trackingCode}: {status}" },
        "setStatus" => new JsonObject { ["status"] = CaseStatuses.InProgress },
        "end" => new JsonObject { ["status"] = CaseStatuses.Closed },
        _ => null,
    };
}
