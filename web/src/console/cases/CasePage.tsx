// Placeholder until the page is built.
const CasePage = () => <p>CasePage</p>;

export default CasePage;
