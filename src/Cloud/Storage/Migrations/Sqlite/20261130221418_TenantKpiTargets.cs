using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantKpiTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Targets_Availability = table.Column<double>(type: "REAL", nullable: false),
                    Targets_AvailabilityGood = table.Column<double>(type: "REAL", nullable: false),
                    Targets_ComplaintRate = table.Column<double>(type: "REAL", nullable: false),
                    Targets_InspectionCompletion = table.Column<double>(type: "REAL", nullable: false),
                    Targets_OnTimeRate = table.Column<double>(type: "REAL", nullable: false),
                    Targets_RepeatRate = table.Column<double>(type: "REAL", nullable: false),
                    Targets_Satisfaction = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiTargets");
        }
    }
}
