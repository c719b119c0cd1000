using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Sked.Workflows.Designer.Canvas;
using Sked.Workflows.Designer.Editing;

namespace Sked.Workflows.Designer.Tests;

/// <summary>The reading direction a person chooses for the canvas is there again on their next visit, and only for them.</summary>
public sealed class DirectionMemoryTests : DesignerContext
{
    private const string Owner = "process.owner";

    private IRenderedComponent<WorkflowEditor> Editor(string? person) =>
        Render<WorkflowEditor>(p => p
            .Add(e => e.Document, new DesignerDocument(ShippedDefinitions.Load("complaint")))
            .Add(e => e.Departments, ShippedDefinitions.Departments)
            .Add(e => e.Person, person));

    private static string Shown(IRenderedComponent<WorkflowEditor> editor) => editor.Find(".sked-canvas").GetAttribute("data-direction")!;

    [Fact]
    public async Task ChoosingADirection_StoresItInTheBrowser_UnderThePersonsKey()
    {
        var editor = Editor(Owner);

        await editor.Find(".sked-direction button[data-direction=TopDown]").ClickAsync(new MouseEventArgs());

        Assert.Equal("TopDown", Shown(editor));
        var stored = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal(["sked.designer.direction:" + Owner, "TopDown"], stored.Arguments);
    }

    [Fact]
    public async Task TheNextVisit_OpensTheCanvasInTheRememberedDirection()
    {
        JSInterop.Setup<string?>("localStorage.getItem", "sked.designer.direction:" + Owner).SetResult("LeftToRight");

        var editor = Editor(Owner);

        await editor.WaitForAssertionAsync(() => Assert.Equal("LeftToRight", Shown(editor)), TimeSpan.FromSeconds(20));
        Assert.Equal("true", editor.Find(".sked-direction button[data-direction=LeftToRight]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task AnotherPersonsChoice_OrAStoredValueThatIsNoDirection_LeavesTheCanvasRightToLeft()
    {
        JSInterop.Setup<string?>("localStorage.getItem", "sked.designer.direction:" + Owner).SetResult("LeftToRight");
        JSInterop.Setup<string?>("localStorage.getItem", "sked.designer.direction:someone.else").SetResult("sideways");

        var editor = Editor("someone.else");

        await editor.WaitForAssertionAsync(() => Assert.NotEmpty(JSInterop.Invocations["localStorage.getItem"]));
        Assert.Equal(nameof(FlowDirection.RightToLeft), Shown(editor));
    }
}
