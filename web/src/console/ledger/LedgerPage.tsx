// Placeholder until the page is built.
const LedgerPage = () => <p>LedgerPage</p>;

export default LedgerPage;
