using Microsoft.Extensions.Configuration;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Infrastructure.Tests.Workflows;

/// <summary>The retry limits an operator configures are the ones the engine runs with.</summary>
public sealed class EngineOptionsTests
{
    [Fact]
    public void Bind_WhenTheOperatorSetsRetryDelays_ReplacesTheDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Engine:RetryDelays:0"] = "00:02:00",
            })
            .Build();
        var options = new EngineOptions();

        configuration.GetSection(EngineOptions.Section).Bind(options);

        Assert.Equal(TimeSpan.FromMinutes(2), options.ToLimits().RetryDelay(1));
        Assert.Equal([TimeSpan.FromMinutes(2)], options.RetryDelays);
    }
}
