using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Sked.Workflows.Domain.Staff;
using Sked.Workflows.Infrastructure.Identity;

namespace Sked.Workflows.Web.Features.StaffArea;

/// <summary>
/// Who is working in this live connection: user, roles, department and the address they connected
/// from (recorded with their actions, since the connection has no request of its own).
/// </summary>
[FeatureContract]
public sealed class StaffSession(AuthenticationStateProvider authentication)
{
    public string? ClientAddress { get; set; }

    public async Task<StaffMember> MemberAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return new StaffMember(
            user.Identity?.Name ?? "unknown",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            user.FindFirst(StaffClaimsFactory.DepartmentClaim)?.Value,
            ClientAddress);
    }

    public async Task<string> FullNameAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(StaffClaimsFactory.FullNameClaim)?.Value ?? string.Empty;
}

/// <summary>Notes the client's address when a staff connection opens.</summary>
public sealed class StaffCircuitHandler(StaffSession session, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        session.ClientAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
