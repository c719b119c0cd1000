using System.Reflection;
using Sked.Workflows.Domain.Text;
using Sked.Workflows.Engine.Runtime;

namespace Sked.Workflows.Engine.Tests.Runtime;

/// <summary>Every code a workflow operation answers with has its Persian sentence in the catalogue.</summary>
public sealed class WorkflowMessagesTests
{
    public static TheoryData<string> Codes() => new(typeof(WorkflowMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachCode_HasASentenceInTheCatalogue(string code)
    {
        Assert.True(Catalogue.Has(code), $"the catalogue has no sentence for {code}");
        Assert.StartsWith(code.StartsWith("task.", StringComparison.Ordinal) ? "task." : "case.", code, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusal_RendersTheSentenceOfToday()
    {
        Assert.Equal("این کار به نقش یا واحد شما ارجاع نشده است.", Catalogue.Render(Message.Of(WorkflowMessages.TaskNotYours)));
        Assert.Equal("قاعده ۲", Catalogue.Render(WorkflowMessages.TaskRoutingRule, 2));
    }
}
