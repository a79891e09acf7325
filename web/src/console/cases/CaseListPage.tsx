// Placeholder until the page is built.
const CaseListPage = () => <p>CaseListPage</p>;

export default CaseListPage;
