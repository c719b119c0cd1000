using Microsoft.JSInterop;

namespace Sked.Workflows.Designer.Canvas;

/// <summary>
/// Remembers the reading direction a person chose for the canvas between visits, in the browser's
/// localStorage under one key per person. Nothing is remembered on the server; a browser that cannot
/// store it (private mode, storage off) opens right to left, as before.
/// </summary>
public sealed class DirectionMemory(IJSRuntime js, string? person)
{
    private const string Prefix = "sked.designer.direction";

    /// <summary>The storage key: one per person signed in, so two people sharing a browser keep their own choice.</summary>
    public string Key { get; } = person is null ? Prefix : $"{Prefix}:{person}";

    /// <summary>The direction chosen last time; null when none was stored or the browser cannot tell.</summary>
    public async Task<FlowDirection?> RecallAsync()
    {
        try
        {
            var stored = await js.InvokeAsync<string?>("localStorage.getItem", Key);
            return Enum.TryParse<FlowDirection>(stored, out var direction) && Enum.IsDefined(direction) ? direction : null;
        }
        catch (JSException)
        {
            return null;
        }
    }

    public async Task RememberAsync(FlowDirection direction)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", Key, direction.ToString());
        }
        catch (JSException)
        {
            // Storage full or refused: the choice holds for this visit only.
        }
    }
}
