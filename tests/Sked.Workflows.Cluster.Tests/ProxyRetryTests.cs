using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;

namespace Sked.Workflows.Cluster.Tests;

/// <summary>
/// The proxy in front of two stand-in nodes that die on cue (src/Sked.Workflows.Proxy/RetryOnAnotherNode.cs):
/// a GET that meets a dying node is answered by the other node, and the browser's affinity cookie then names
/// that node; a POST, a request with a body and a WebSocket are never sent to a second node.
/// </summary>
public sealed class ProxyRetryTests
{
    public enum Death
    {
        /// <summary>Killed with the request in hand: the connection closes before a byte of answer.</summary>
        DropsTheRequest,

        /// <summary>Killed between requests: the next connection is refused.</summary>
        RefusesTheConnection,
    }

    [Theory]
    [InlineData(Death.DropsTheRequest)]
    [InlineData(Death.RefusesTheConnection)]
    public async Task AGetThatMeetsADyingNode_IsAnsweredByTheOtherNode_WhichTheCookieThenNames(Death death)
    {
        await using var a = await StandInNode.StartAsync("node-a");
        await using var b = await StandInNode.StartAsync("node-b");
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        using var browser = await ProxyBrowser.OnNodeAsync(proxy, "node-a");

        await KillAsync(a, death);
        var response = await browser.Client.GetAsync("/track?code=12345678901234");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("node-b", await response.Content.ReadAsStringAsync());
        Assert.Equal("node-b", browser.Node);
        Assert.Equal(["GET /track"], b.Asked);
        if (death == Death.DropsTheRequest)
        {
            Assert.Contains("GET /track", a.Asked);
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task ARequestWithABodyThatMeetsADyingNode_Answers502_AndIsNotSentToTheOtherNode(string method)
    {
        await using var a = await StandInNode.StartAsync("node-a");
        await using var b = await StandInNode.StartAsync("node-b");
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        using var browser = await ProxyBrowser.OnNodeAsync(proxy, "node-a");

        a.DropEverything();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/cases") { Content = JsonContent.Create(new { subject = "قطعی برق" }) };
        var response = await browser.Client.SendAsync(request);

        // Node A may have committed the case before it died: sending it to node B as well could accept it twice.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains($"{method} /api/v1/cases", a.Asked);
        Assert.Empty(b.Asked);
    }

    [Fact]
    public async Task APostToANodeThatRefusesTheConnection_IsSentToTheOtherNode_Once()
    {
        await using var a = await StandInNode.StartAsync("node-a");
        await using var b = await StandInNode.StartAsync("node-b");
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        using var browser = await ProxyBrowser.OnNodeAsync(proxy, "node-a");

        // The citizen's lookup form, posted just after node A died and before anything noticed.
        await a.StopListeningAsync();
        using var form = new FormUrlEncodedContent([new("Query.Code", "12345678901234")]);
        var response = await browser.Client.PostAsync("/track", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("node-b", await response.Content.ReadAsStringAsync());
        Assert.Equal(["POST /track"], b.Asked);
        Assert.DoesNotContain("POST /track", a.Asked);
    }

    [Fact]
    public async Task AWebSocketThatMeetsADyingNode_IsNotOpenedOnTheOtherNode()
    {
        await using var a = await StandInNode.StartAsync("node-a");
        await using var b = await StandInNode.StartAsync("node-b");
        await using var proxy = await ProxyHost.StartAsync(a.Address, b.Address);
        using var browser = await ProxyBrowser.OnNodeAsync(proxy, "node-a");

        a.DropEverything();
        using var socket = new ClientWebSocket { Options = { Cookies = browser.Cookies } };
        var address = new UriBuilder(proxy.Address) { Scheme = "ws", Path = "/_blazor" }.Uri;

        // Blazor's own reconnect opens a new circuit through the proxy; the proxy does not move a live connection.
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, CancellationToken.None));
        Assert.Contains("GET /_blazor", a.Asked);
        Assert.Empty(b.Asked);
    }

    private static async Task KillAsync(StandInNode node, Death death)
    {
        if (death == Death.DropsTheRequest)
        {
            node.DropEverything();
        }
        else
        {
            await node.StopListeningAsync();
        }
    }
}
