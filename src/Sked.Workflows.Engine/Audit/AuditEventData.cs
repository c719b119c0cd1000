using System.Text.Json.Serialization;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Engine.Audit;

/// <summary>
/// The data of one audit event: one sealed record per event type, its fields as typed properties
/// (their JSON names and order are the bytes the hash chain covers). <see cref="AuditEvents"/> names
/// each type on the wire; <see cref="Describe"/> is its Persian sentence, <c>audit.&lt;wire name&gt;</c>
/// in the catalogue, filled with the event's fields.
/// </summary>
public abstract record AuditEventData
{
    /// <summary>The timeline sentence: the catalogue code of this type with the fields to show.</summary>
    public abstract Message Describe(IAuditNames names);

    /// <summary>The sentence code of this event type.</summary>
    protected Message Sentence(params object?[] args) => new(AuditEvents.Code(this), args);
}

/// <summary>
/// An event a node records while it runs; the node's id is added by the engine
/// (<see cref="Runtime.NodeContext.Audit"/>) and is written last, after the event's own fields.
/// </summary>
public abstract record NodeAuditEventData : AuditEventData
{
    [JsonPropertyOrder(1)]
    public string Node { get; init; } = string.Empty;
}

/// <summary>What a timeline sentence needs from outside the event: names for node ids and department codes.</summary>
public interface IAuditNames
{
    /// <summary>The node's label in the workflow version the case ran on; the id when unknown.</summary>
    string Node(string? id);

    /// <summary>The department's Persian name; the code when unknown.</summary>
    string Department(string? code);

    /// <summary>The person behind a recorded login (their full name); the login when unknown.</summary>
    string Staff(string? login);
}
