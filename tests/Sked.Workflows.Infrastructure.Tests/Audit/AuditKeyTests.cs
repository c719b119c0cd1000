using Microsoft.Extensions.Options;
using Sked.Workflows.Testing;

namespace Sked.Workflows.Infrastructure.Tests.Audit;

/// <summary>The chain key comes from configuration and is checked at start.</summary>
public sealed class AuditKeyTests(TestDatabases databases)
{
    [Fact]
    public async Task Production_WithoutAChainKey_RefusesToStart_NamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: Production(key: null)));

        Assert.Contains("Audit:ChainKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Audit__ChainKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainKeyShorterThan32Bytes_RefusesToStart() =>
        Assert.Contains("at least 32", (await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: Production(Convert.ToBase64String(new byte[16]))))).Message,
            StringComparison.Ordinal);

    [Fact]
    public async Task Production_WithAChainKey_StartsAndSealsWithIt()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        await using var app = await TestApp.StartAsync(await databases.CreateAsync(Store.Sqlite), settings: Production(key));

        var chain = await app.VerifyAuditChainAsync();

        Assert.True(chain.Valid);
        Assert.True(chain.Events > 0);
    }

    private static Dictionary<string, string> Production(string? key)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["environment"] = "Production", ["Demo:Enabled"] = "false" };
        if (key is not null)
        {
            settings["Audit:ChainKey"] = key;
        }

        return settings;
    }
}
