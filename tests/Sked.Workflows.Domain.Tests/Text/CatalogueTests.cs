using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Text;

public sealed class CatalogueTests
{
    [Fact]
    public void Label_ForARole_IsItsPersianName()
    {
        Assert.Equal("میز خدمت الکترونیک", Catalogue.Label("role", "EDesk"));
    }

    [Fact]
    public void Render_WithNumbers_WritesPersianDigits()
    {
        Assert.Equal("۱۲٬۳۴۵", Catalogue.Number(12345));
    }

    [Fact]
    public void Render_UnknownCode_ShowsTheCodeSoTheGapIsVisible()
    {
        Assert.Equal("no.such-code", Catalogue.Render(Message.Of("no.such-code", 1)));
    }
}
