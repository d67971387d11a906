// Jdbc batch APIs the reference documents that @types/google-apps-script 2.0.13 lacks.
declare namespace GoogleAppsScript {
  namespace JDBC {
    interface JdbcResultSet {
      /** Rows after the cursor, each read with the comma-separated getters of `queryString` ("getString(1),
       * getDouble('price')"); with `batchSize`, at most that many (reference/jdbc/jdbc-result-set#getRows(String)). */
      getRows(queryString: string, batchSize?: Integer): unknown[][];
    }
    interface JdbcPreparedStatement {
      /** One execution per inner array of parameters, in one call; the update counts
       * (reference/jdbc/jdbc-prepared-statement#executeBatch(Object)). */
      executeBatch(parameters: unknown[][]): Integer[];
    }
  }
}
