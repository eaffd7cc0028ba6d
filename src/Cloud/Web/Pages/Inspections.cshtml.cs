using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Inspections;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>This month's inspections: a technician sees their own, a dispatcher everybody's in the company.</summary>
internal sealed class InspectionsModel(InspectionService desk, TenantCalendars calendars, TimeProvider time) : PageModel
{
    public IReadOnlyList<InspectionJob> Jobs { get; private set; } = [];

    public DateOnly Month { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        Month = calendars.For(user.TenantId).MonthOf(time.GetUtcNow());
        var mine = User.IsInRole(ApiKeyRoles.Technician) ? user.TechnicianId ?? string.Empty : null;
        Jobs = await desk.ForTechnicianAsync(user.TenantId, mine, Month, cancellationToken);
    }
}
