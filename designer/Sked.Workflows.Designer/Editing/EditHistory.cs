namespace Sked.Workflows.Designer.Editing;

/// <summary>
/// Undo and redo as snapshots of the whole definition: a definition is a few kilobytes, so copies
/// are cheaper to get right than inverse operations for every kind of edit.
/// </summary>
public sealed class EditHistory(Func<string> snapshot)
{
    private const int Limit = 200;
    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Edits since the document was loaded or last saved.</summary>
    public int UnsavedEdits { get; private set; }

    /// <summary>Called before an edit: remembers the state to go back to.</summary>
    public void Record()
    {
        _undo.AddLast(snapshot());
        if (_undo.Count > Limit)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        UnsavedEdits++;
    }

    public string? Undo()
    {
        if (_undo.Last is not { } last)
        {
            return null;
        }

        _undo.RemoveLast();
        _redo.Push(snapshot());
        UnsavedEdits = Math.Max(0, UnsavedEdits - 1);
        return last.Value;
    }

    public string? Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return null;
        }

        _undo.AddLast(snapshot());
        UnsavedEdits++;
        return next;
    }

    public void MarkSaved() => UnsavedEdits = 0;
}
