package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;

/**
 * pg_catalog tables of objects ExaPG does not have (extensions, operators and casts as
 * catalog objects, foreign servers, event triggers, text search configurations, default
 * privileges, ...): there with PostgreSQL 15's columns, and empty, so that the queries psql
 * (\dx, \do, \dC, \des, \ddp, ...) and other clients send about them answer "none".
 */
final class PgEmptyTables {
  /** Each table as "name column:type ...", with PostgreSQL's type names. */
  private static final List<String> DEFINITIONS = List.of(
      "pg_extension oid:oid extname:name extowner:oid extnamespace:oid extrelocatable:bool"
          + " extversion:text extconfig:oid[] extcondition:text[]",
      "pg_operator oid:oid oprname:name oprnamespace:oid oprowner:oid oprkind:char"
          + " oprcanmerge:bool oprcanhash:bool oprleft:oid oprright:oid oprresult:oid"
          + " oprcom:oid oprnegate:oid oprcode:oid oprrest:oid oprjoin:oid",
      "pg_cast oid:oid castsource:oid casttarget:oid castfunc:oid castcontext:char"
          + " castmethod:char",
      "pg_conversion oid:oid conname:name connamespace:oid conowner:oid conforencoding:int4"
          + " contoencoding:int4 conproc:oid condefault:bool",
      "pg_event_trigger oid:oid evtname:name evtevent:name evtowner:oid evtfoid:oid"
          + " evtenabled:char evttags:text[]",
      "pg_ts_config oid:oid cfgname:name cfgnamespace:oid cfgowner:oid cfgparser:oid",
      "pg_ts_dict oid:oid dictname:name dictnamespace:oid dictowner:oid dicttemplate:oid"
          + " dictinitoption:text",
      "pg_ts_parser oid:oid prsname:name prsnamespace:oid prsstart:oid prstoken:oid"
          + " prsend:oid prsheadline:oid prslextype:oid",
      "pg_ts_template oid:oid tmplname:name tmplnamespace:oid tmplinit:oid tmpllexize:oid",
      "pg_foreign_server oid:oid srvname:name srvowner:oid srvfdw:oid srvtype:text"
          + " srvversion:text srvacl:text[] srvoptions:text[]",
      "pg_foreign_data_wrapper oid:oid fdwname:name fdwowner:oid fdwhandler:oid"
          + " fdwvalidator:oid fdwacl:text[] fdwoptions:text[]",
      "pg_foreign_table ftrelid:oid ftserver:oid ftoptions:text[]",
      "pg_user_mapping oid:oid umuser:oid umserver:oid umoptions:text[]",
      "pg_db_role_setting setdatabase:oid setrole:oid setconfig:text[]",
      "pg_default_acl oid:oid defaclrole:oid defaclnamespace:oid defaclobjtype:char"
          + " defaclacl:text[]",
      "pg_opclass oid:oid opcmethod:oid opcname:name opcnamespace:oid opcowner:oid"
          + " opcfamily:oid opcintype:oid opcdefault:bool opckeytype:oid",
      "pg_opfamily oid:oid opfmethod:oid opfname:name opfnamespace:oid opfowner:oid",
      "pg_aggregate aggfnoid:oid aggkind:char aggnumdirectargs:int2 aggtransfn:oid"
          + " aggfinalfn:oid aggcombinefn:oid aggserialfn:oid aggdeserialfn:oid"
          + " aggmtransfn:oid aggminvtransfn:oid aggmfinalfn:oid aggfinalextra:bool"
          + " aggmfinalextra:bool aggfinalmodify:char aggmfinalmodify:char aggsortop:oid"
          + " aggtranstype:oid aggtransspace:int4 aggmtranstype:oid aggmtransspace:int4"
          + " agginitval:text aggminitval:text",
      "pg_shdescription objoid:oid classoid:oid description:text",
      "pg_depend classid:oid objid:oid objsubid:int4 refclassid:oid refobjid:oid"
          + " refobjsubid:int4 deptype:char",
      "pg_amop oid:oid amopfamily:oid amoplefttype:oid amoprighttype:oid amopstrategy:int2"
          + " amoppurpose:char amopopr:oid amopmethod:oid amopsortfamily:oid",
      "pg_amproc oid:oid amprocfamily:oid amproclefttype:oid amprocrighttype:oid"
          + " amprocnum:int2 amproc:oid",
      "pg_seclabel objoid:oid classoid:oid objsubid:int4 provider:text label:text",
      "pg_transform oid:oid trftype:oid trflang:oid trffromsql:oid trftosql:oid",
      "pg_partitioned_table partrelid:oid partstrat:char partnatts:int2 partdefid:oid"
          + " partattrs:int2vector partclass:oidvector partcollation:oidvector"
          + " partexprs:text",
      "pg_init_privs objoid:oid classoid:oid objsubid:int4 privtype:char initprivs:text[]");

  private PgEmptyTables() {
  }

  static Map<String, Table> tables() {
    Map<String, Table> tables = new HashMap<>();
    for (String definition : DEFINITIONS) {
      String[] parts = definition.split(" ");
      SystemTable.Columns columns = new SystemTable.Columns();
      for (int p = 1; p < parts.length; p++) {
        String[] column = parts[p].split(":");
        columns.add(column[0], type(column[1]));
      }
      tables.put(parts[0], new PgFixedTable(columns, List.of()));
    }
    return tables;
  }

  /** ExaPG's type for a catalog column of PostgreSQL's type (OIDs and regproc as integer). */
  private static DataType type(String pgType) {
    return switch (pgType) {
      case "oid", "int4" -> DataType.INTEGER;
      case "int2" -> DataType.SMALLINT;
      case "bool" -> DataType.BOOLEAN;
      case "name", "text", "char" -> DataType.TEXT;
      case "text[]" -> PgOids.TEXT_ARRAY;
      case "oid[]" -> DataType.array(DataType.INTEGER);
      case "int2vector" -> DataType.vector(DataType.SMALLINT);
      case "oidvector" -> DataType.vector(DataType.INTEGER);
      default -> throw new IllegalArgumentException("catalog column type " + pgType);
    };
  }
}
