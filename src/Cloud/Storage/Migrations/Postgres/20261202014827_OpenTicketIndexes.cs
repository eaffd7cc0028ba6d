using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenTicketIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_IncidentId",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SiteId_Fault",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_TechnicianId",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IncidentId_ClosedAt",
                table: "Tickets",
                columns: new[] { "IncidentId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SiteId_Fault_ClosedAt",
                table: "Tickets",
                columns: new[] { "SiteId", "Fault", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TechnicianId_ClosedAt",
                table: "Tickets",
                columns: new[] { "TechnicianId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_IncidentId_ClosedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SiteId_Fault_ClosedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_TechnicianId_ClosedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IncidentId",
                table: "Tickets",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SiteId_Fault",
                table: "Tickets",
                columns: new[] { "SiteId", "Fault" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TechnicianId",
                table: "Tickets",
                column: "TechnicianId");
        }
    }
}
