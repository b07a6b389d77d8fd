CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(20) NOT NULL, placed DATE, total NUMERIC(10,2));
CREATE UNIQUE INDEX orders_customer_placed ON orders (customer, placed);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE ROLE reader LOGIN;
GRANT SELECT ON orders TO reader;
INSERT INTO orders VALUES (1, 'ann', DATE '2026-01-02', 150.00), (2, 'bob', NULL, 20.50);
