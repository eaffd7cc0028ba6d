using System.Security.Claims;

namespace AfterSales.Cloud.Auth;

/// <summary>One shape of principal for keys and passwords, so every page and endpoint reads the same claims.</summary>
internal static class DeskClaims
{
    public static ClaimsPrincipal Principal(DeskUser user, string scheme, params Claim[] extra)
    {
        List<Claim> claims = [new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role), new(DeskUser.TenantClaim, user.TenantId), .. extra];
        if (user.TechnicianId is { } technician)
        {
            claims.Add(new Claim(DeskUser.TechnicianClaim, technician));
        }

        if (user.Customer is { } customer)
        {
            claims.Add(new Claim(DeskUser.CustomerClaim, customer));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
