using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Parts;

/// <summary>
/// Who may record which parts move (docs/service-rules.md, "Parts moves by role"). Dispatchers and
/// admins keep the books and may record any move. A technician records only what passes through
/// their own hands: stock between a warehouse and their own van, a part fitted from their own van,
/// an old part handed back. Receiving from the supplier, writing off and stocktake adjustments are
/// the office's.
/// </summary>
internal static class PartsMovePolicy
{
    /// <summary>Null when <paramref name="user"/> may record <paramref name="move"/>; otherwise why not.</summary>
    public static string? WhyNot(DeskUser user, PartMove move)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(move);
        if (user.IsStaff)
        {
            return null;
        }

        if (user.Role != ApiKeyRoles.Technician || user.TechnicianId is not { } technician)
        {
            return "Only dispatchers, admins and technicians record parts moves.";
        }

        var van = StockPlaces.Van(technician);
        var allowed = move.Kind switch
        {
            PartMoveKind.Transfer => (move.From == van && IsWarehouse(move.To)) || (move.To == van && IsWarehouse(move.From)),
            PartMoveKind.Issue => move.From == van,
            PartMoveKind.ReturnOld => true,
            _ => false,
        };
        return allowed ? null : $"A technician records only moves through their own van ({van}) and old parts handed back; {move.Kind} from '{move.From}' to '{move.To}' is for the office.";
    }

    private static bool IsWarehouse(string place) => place.StartsWith("warehouse:", StringComparison.Ordinal);
}
