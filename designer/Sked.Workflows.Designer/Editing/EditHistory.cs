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

    // Steps between the document and its saved state: up with each edit and redo, down with each undo,
    // so undoing an edit made before the save counts as a change too.
    private int _fromSaved;

    // Set by an edit made while undone past the save: the saved state was on the redo stack and is gone.
    private bool _savedStateGone;

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Steps from the state the document was loaded or last saved in; 0 only in that state.</summary>
    public int UnsavedEdits => _savedStateGone ? Math.Max(1, Math.Abs(_fromSaved)) : Math.Abs(_fromSaved);

    /// <summary>Called before an edit: remembers the state to go back to.</summary>
    public void Record()
    {
        _undo.AddLast(snapshot());
        if (_undo.Count > Limit)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        _savedStateGone |= _fromSaved < 0;
        _fromSaved++;
    }

    public string? Undo()
    {
        if (_undo.Last is not { } last)
        {
            return null;
        }

        _undo.RemoveLast();
        _redo.Push(snapshot());
        _fromSaved--;
        return last.Value;
    }

    public string? Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return null;
        }

        _undo.AddLast(snapshot());
        _fromSaved++;
        return next;
    }

    public void MarkSaved()
    {
        _fromSaved = 0;
        _savedStateGone = false;
    }
}
